namespace RecCourse.Embeddings;

/// <summary>
/// A fitted PCA. Components are unit vectors, strongest first, each signed so that its
/// largest-magnitude entry is positive (SVD signs are otherwise arbitrary).
/// </summary>
/// <param name="Mean">Column means of the input (length dim).</param>
/// <param name="Components">k × dim row-major principal directions.</param>
/// <param name="ExplainedVariance">Variance along each component (sample variance, n − 1 denominator), length k.</param>
/// <param name="ExplainedVarianceRatio">Share of the total variance per component, length k; sums to 1 when k = min(n, dim) (rank permitting).</param>
/// <param name="Projected">n × k row-major coordinates of the input rows (float, ready for plots and <see cref="EmbeddingQuality"/>).</param>
public sealed record PcaResult(int Dim, int K, double[] Mean, double[] Components, double[] ExplainedVariance, double[] ExplainedVarianceRatio, float[] Projected)
{
    /// <summary>Coordinates (length k) of a new vector of length dim.</summary>
    public double[] Transform(ReadOnlySpan<float> x)
    {
        if (x.Length != Dim) throw new ArgumentException($"Vector has length {x.Length}, expected {Dim}.", nameof(x));
        var z = new double[K];
        for (int c = 0; c < K; c++)
            for (int a = 0; a < Dim; a++) z[c] += (x[a] - Mean[a]) * Components[c * Dim + a];
        return z;
    }
}
