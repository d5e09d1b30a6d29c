using System.Numerics.Tensors;

namespace RecCourse.Models;

/// <summary>
/// A small fully connected network with ReLU hidden layers, optional inverted dropout after each
/// hidden layer and a linear output layer, with hand-written forward and backward passes for one
/// example at a time. Weights are row-major (out × in) tables trained by <see cref="SparseAdamTable"/>.
/// Per-example passes keep the code readable and allocation-free; the models here are small.
/// </summary>
internal sealed class Mlp
{
    private readonly int[] _sizes;

    /// <param name="sizes">Layer widths including input and output, e.g. [94, 128, 64, 1].</param>
    public Mlp(int[] sizes, Random rng, bool zeroLastLayer)
    {
        if (sizes.Length < 2 || sizes.Any(s => s < 1)) throw new ArgumentException($"bad layer sizes [{string.Join(", ", sizes)}]", nameof(sizes));
        _sizes = sizes;
        Weights = new SparseAdamTable[sizes.Length - 1];
        Biases = new SparseAdamTable[sizes.Length - 1];
        for (int l = 0; l < sizes.Length - 1; l++)
        {
            var w = new float[sizes[l + 1] * sizes[l]];
            bool last = l == sizes.Length - 2;
            // He initialisation for ReLU layers; a zero output layer makes the network start at 0.
            if (!(last && zeroLastLayer)) MatrixFactorizationTrainer.Gaussian(rng, w, MathF.Sqrt(2f / sizes[l]));
            Weights[l] = new SparseAdamTable(w, sizes[l]);
            Biases[l] = new SparseAdamTable(new float[sizes[l + 1]], 1);
        }
    }

    public int InputSize => _sizes[0];
    public int OutputSize => _sizes[^1];
    public SparseAdamTable[] Weights { get; }
    public SparseAdamTable[] Biases { get; }

    /// <summary>Per-thread activations of one forward pass.</summary>
    public sealed class Workspace
    {
        public Workspace(int[] sizes)
        {
            Activations = sizes.Select(s => new float[s]).ToArray();
            Masks = sizes.Select(s => new float[s]).ToArray();
            Deltas = sizes.Select(s => new float[s]).ToArray();
        }
        internal float[][] Activations { get; }
        internal float[][] Masks { get; }
        internal float[][] Deltas { get; }
    }

    public Workspace NewWorkspace() => new(_sizes);

    /// <summary>Forward pass; returns the output layer (length <see cref="OutputSize"/>), valid until the next call.</summary>
    /// <param name="rng">Dropout randomness; null (evaluation) disables dropout.</param>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<float> input, Workspace ws, float dropout, Random? rng)
    {
        input.CopyTo(ws.Activations[0]);
        int L = _sizes.Length - 1;
        for (int l = 0; l < L; l++)
        {
            float[] a = ws.Activations[l], z = ws.Activations[l + 1];
            float[] w = Weights[l].Values, b = Biases[l].Values;
            int nIn = _sizes[l];
            for (int o = 0; o < z.Length; o++) z[o] = b[o] + TensorPrimitives.Dot(w.AsSpan(o * nIn, nIn), a);
            if (l == L - 1) break;
            float[] mask = ws.Masks[l + 1];
            float keep = 1 - dropout, scale = 1 / keep;
            for (int o = 0; o < z.Length; o++)
            {
                // ReLU, then inverted dropout: kept units are scaled by 1/keep so evaluation needs no rescale.
                float m = z[o] > 0 ? 1 : 0;
                if (rng is not null && dropout > 0 && m > 0) m = rng.NextSingle() < keep ? scale : 0;
                mask[o] = m;
                z[o] *= m;
            }
        }
        return ws.Activations[L];
    }

    /// <summary>Backward pass for the last <see cref="Forward"/>: <paramref name="outputGrad"/> is
    /// dLoss/dOutput; writes dLoss/dInput into <paramref name="inputGrad"/> and, when
    /// <paramref name="accumulate"/>, adds the parameter gradients into the Adam tables.</summary>
    public void Backward(ReadOnlySpan<float> outputGrad, Workspace ws, Span<float> inputGrad, bool accumulate)
    {
        int L = _sizes.Length - 1;
        outputGrad.CopyTo(ws.Deltas[L]);
        for (int l = L - 1; l >= 0; l--)
        {
            float[] delta = ws.Deltas[l + 1], a = ws.Activations[l], prev = ws.Deltas[l];
            float[] w = Weights[l].Values;
            int nIn = _sizes[l];
            Array.Clear(prev);
            for (int o = 0; o < delta.Length; o++)
            {
                float g = delta[o];
                if (g == 0) continue;
                if (accumulate)
                {
                    Weights[l].Accumulate(o, a, g);
                    Biases[l].GradRow(o)[0] += g;
                }
                TensorPrimitives.MultiplyAdd(w.AsSpan(o * nIn, nIn), g, prev, prev);
            }
            if (l > 0) TensorPrimitives.Multiply(prev, ws.Masks[l], prev);
        }
        ws.Deltas[0].CopyTo(inputGrad);
    }

    /// <summary>An Adam step on every layer.</summary>
    public void Step(float lr, int step, float gradScale)
    {
        foreach (var t in Weights) t.Step(lr, step, gradScale);
        foreach (var t in Biases) t.Step(lr, step, gradScale);
    }
}
