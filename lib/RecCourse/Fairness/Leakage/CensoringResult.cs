using RecCourse.Nn;
using RecCourse.Tensors;

namespace RecCourse.Fairness.Leakage;

/// <summary>
/// A trained censoring encoder: standardises rows with the training mean and deviation, then maps
/// them through the learned linear encoder. <see cref="Embeddings"/> are the training rows censored.
/// </summary>
public sealed class CensoringResult : IEmbeddingTransform
{
    private readonly Linear _encoder;
    private readonly double[] _mean, _scale;

    internal CensoringResult(Linear encoder, double[] mean, double[] scale, double[][] embeddings, double reconstructionMse, double adversaryLoss)
    {
        _encoder = encoder; _mean = mean; _scale = scale;
        Embeddings = embeddings; ReconstructionMse = reconstructionMse; AdversaryLoss = adversaryLoss;
    }

    /// <summary>The training rows after censoring (n × d).</summary>
    public double[][] Embeddings { get; }
    /// <summary>Final mean squared error of the decoder reconstructing the standardised input from the code: what utility was kept (0 = all).</summary>
    public double ReconstructionMse { get; }
    /// <summary>Final binary cross-entropy of the adversary on the code; ln 2 ≈ 0.693 is chance for balanced groups.</summary>
    public double AdversaryLoss { get; }

    /// <inheritdoc/>
    public double[][] Apply(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0) return [];
        int d = _mean.Length;
        var x = new Tensor(rows.Length, d);
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != d) throw new ArgumentException($"Row {r} has {rows[r].Length} values, the encoder expects {d}.", nameof(rows));
            for (int c = 0; c < d; c++) x[r, c] = (float)((rows[r][c] - _mean[c]) * _scale[c]);
        }
        using var _ = Autograd.NoGrad();
        var z = _encoder.Forward(x);
        var result = new double[rows.Length][];
        for (int r = 0; r < rows.Length; r++) result[r] = Array.ConvertAll(z.Row(r).ToArray(), v => (double)v);
        return result;
    }
}
