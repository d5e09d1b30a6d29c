using RecCourse.Training;
using static TorchSharp.torch;

namespace RecCourse.Fairness.Leakage;

/// <summary>
/// A trained censoring encoder: standardises rows with the training mean and deviation, then maps
/// them through the learned linear encoder. <see cref="Embeddings"/> are the training rows censored.
/// Holds native (TorchSharp) memory: dispose it when done (<see cref="LeakageProbe"/> does for the
/// transforms it fits), or leave it to the garbage collector.
/// </summary>
public sealed class CensoringResult : IEmbeddingTransform, IDisposable
{
    private readonly double[] _mean, _scale;

    internal CensoringResult(CensoringAutoencoder autoencoder, nn.Module<Tensor, Tensor> adversary, double[] mean, double[] scale,
        double[][] trainingRows, double reconstructionMse, double adversaryLoss)
    {
        Autoencoder = autoencoder; Adversary = adversary; _mean = mean; _scale = scale;
        ReconstructionMse = reconstructionMse; AdversaryLoss = adversaryLoss;
        Embeddings = Apply(trainingRows);
    }

    /// <summary>The trained encoder and decoder (in eval mode, on <see cref="Backend.Device"/>).</summary>
    public CensoringAutoencoder Autoencoder { get; }
    /// <summary>The trained adversary: code [n, d] → logits [n].</summary>
    public nn.Module<Tensor, Tensor> Adversary { get; }
    /// <summary>The training rows after censoring (n × d).</summary>
    public double[][] Embeddings { get; }
    /// <summary>Mean squared error of the trained decoder reconstructing the standardised training rows from their code: what utility was kept (0 = all).</summary>
    public double ReconstructionMse { get; }
    /// <summary>Binary cross-entropy of the trained adversary on the final code; ln 2 ≈ 0.693 is chance for balanced groups.</summary>
    public double AdversaryLoss { get; }

    /// <inheritdoc/>
    public double[][] Apply(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0) return [];
        int d = _mean.Length;
        for (int r = 0; r < rows.Length; r++)
            if (rows[r] is null || rows[r].Length != d)
                throw new ArgumentException($"Row {r} has {rows[r]?.Length ?? 0} values, the encoder expects {d}.", nameof(rows));
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var device = Autoencoder.parameters().First().device;
        var z = Autoencoder.Encode(Standardise(rows, _mean, _scale, device)).cpu().data<float>().ToArray();
        var result = new double[rows.Length][];
        for (int r = 0; r < rows.Length; r++)
        {
            result[r] = new double[d];
            for (int c = 0; c < d; c++) result[r][c] = z[r * d + c];
        }
        return result;
    }

    /// <summary>(x − mean) · scale as a float32 tensor [n, d] on <paramref name="device"/>.</summary>
    internal static Tensor Standardise(double[][] rows, double[] mean, double[] scale, Device device)
    {
        int n = rows.Length, d = mean.Length;
        var values = new float[n * d];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < d; c++) values[r * d + c] = (float)((rows[r][c] - mean[c]) * scale[c]);
        return tensor(values, [n, d], device: device);
    }

    public void Dispose()
    {
        Autoencoder.Dispose();
        Adversary.Dispose();
    }
}
