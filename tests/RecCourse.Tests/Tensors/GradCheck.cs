using RecCourse.Tensors;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Tensors;

/// <summary>
/// Finite-difference gradient check against a float64 reference. Method: the engine runs the
/// operation in float32 and back-propagates a random output gradient w; the test implements the same
/// forward in float64 and differentiates L(x) = Σ w·f(x) by central differences (h = 1e-6·max(1,|x|)),
/// which in float64 is accurate to ~1e-9, far below float32 round-off. Inputs are float32 values
/// widened to float64 so both sides see identical numbers. The tolerance (rel 2e-3, abs 2e-4) covers
/// float32 accumulation in the engine's analytic gradient.
/// </summary>
internal static class GradCheck
{
    public const double Rel = 2e-3, Abs = 2e-4;
    public const double ForwardRel = 1e-4, ForwardAbs = 1e-5;

    /// <summary>Random float32 tensor (as a leaf requiring grad) in [lo, hi).</summary>
    public static Tensor Input(Random rng, double lo, double hi, params int[] shape)
    {
        var t = new Tensor(shape) { RequiresGrad = true };
        for (int i = 0; i < t.Length; i++) t.Data[i] = (float)(lo + (hi - lo) * rng.NextDouble());
        return t;
    }

    /// <summary>Checks forward values and the gradient of every input.</summary>
    public static void Check(Tensor[] inputs, Func<Tensor[], Tensor> op, Func<double[][], double[]> reference, int seed = 1)
    {
        var x64 = inputs.Select(t => t.Data.Select(v => (double)v).ToArray()).ToArray();
        foreach (var t in inputs) t.ZeroGrad();
        var y = op(inputs);
        var expected = reference(x64);
        Approx.AssertClose(expected, y.Data, ForwardRel, ForwardAbs, "forward");
        var rng = new Random(seed);
        var w = Enumerable.Range(0, y.Length).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        y.Backward(w.Select(v => (float)v).ToArray());
        for (int k = 0; k < inputs.Length; k++)
        {
            if (!inputs[k].RequiresGrad) continue;
            var numeric = new double[x64[k].Length];
            for (int i = 0; i < numeric.Length; i++)
            {
                double orig = x64[k][i], h = 1e-6 * Math.Max(1, Math.Abs(orig));
                x64[k][i] = orig + h; double up = Weighted(w, reference(x64));
                x64[k][i] = orig - h; double down = Weighted(w, reference(x64));
                x64[k][i] = orig;
                numeric[i] = (up - down) / (2 * h);
            }
            Assert.NotNull(inputs[k].Grad);
            Approx.AssertClose(numeric, inputs[k].Grad!, Rel, Abs, $"d/d input{k}");
        }
    }

    private static double Weighted(double[] w, double[] y)
    {
        double s = 0;
        for (int i = 0; i < y.Length; i++) s += w[i] * y[i];
        return s;
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
