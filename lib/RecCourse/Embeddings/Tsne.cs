using System.Numerics.Tensors;

namespace RecCourse.Embeddings;

/// <summary>
/// Exact t-SNE (van der Maaten and Hinton 2008): Gaussian input affinities with a per-point bandwidth
/// found by binary search to match the perplexity, Student-t (one degree of freedom) output affinities,
/// and gradient descent on KL(P ‖ Q) with early exaggeration, momentum and per-coordinate gains.
/// Exact means O(n²) time and memory per iteration, so it is limited to <see cref="MaxPoints"/> points.
/// </summary>
public static class Tsne
{
    /// <summary>The largest n accepted: two n × n float64 matrices of 3000² take 144 MB.</summary>
    public const int MaxPoints = 3000;

    /// <summary>
    /// Embeds the rows of <paramref name="data"/> (n × <paramref name="dim"/> row-major). Same data,
    /// options and seed give the identical output for any thread count.
    /// </summary>
    public static TsneResult Fit(ReadOnlySpan<float> data, int dim, TsneOptions? options = null)
    {
        var o = options ?? new TsneOptions();
        int n = Similarity.Rows(data, dim);
        if (n > MaxPoints) throw new ArgumentException($"Exact t-SNE is O(n²); {n} points exceed the limit of {MaxPoints}. Subsample, or reduce with PCA and plot that.", nameof(data));
        if (n < 2) throw new ArgumentException($"t-SNE needs at least 2 points, got {n}.", nameof(data));
        if (!(o.Perplexity > 0) || o.Perplexity > n - 1)
            throw new ArgumentOutOfRangeException(nameof(options), o.Perplexity, $"Perplexity must be in (0, n − 1 = {n - 1}]; it is the effective neighbour count.");
        if (o.Dimensions < 1) throw new ArgumentOutOfRangeException(nameof(options), o.Dimensions, "Dimensions must be ≥ 1.");
        if (o.Threads < 1) throw new ArgumentOutOfRangeException(nameof(options), o.Threads, "Threads must be ≥ 1.");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.Threads };

        var x = new double[n * dim];
        for (int k = 0; k < x.Length; k++) x[k] = data[k];
        var p = JointProbabilities(x, n, dim, o.Perplexity, parallel);

        int m = o.Dimensions;
        var rng = new Random(o.Seed);
        var y = new double[n * m];
        for (int k = 0; k < y.Length; k++) y[k] = 1e-4 * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var velocity = new double[n * m];
        var gains = new double[n * m];
        Array.Fill(gains, 1.0);
        var grad = new double[n * m];
        var num = new double[n * n];
        var rowSums = new double[n];

        for (int iter = 0; iter < o.Iterations; iter++)
        {
            double exaggeration = iter < o.ExaggerationIterations ? o.EarlyExaggeration : 1;
            double momentum = iter < 250 ? o.InitialMomentum : o.FinalMomentum;
            double z = StudentT(y, n, m, num, rowSums, parallel);
            Parallel.For(0, n, parallel, i =>
            {
                // ∂KL/∂y_i = 4 Σ_j (p_ij − q_ij)(1 + ‖y_i − y_j‖²)⁻¹ (y_i − y_j)
                Span<double> g = grad.AsSpan(i * m, m);
                g.Clear();
                for (int j = 0; j < n; j++)
                {
                    double w = num[i * n + j];
                    double f = (exaggeration * p[i * n + j] - w / z) * w;
                    for (int a = 0; a < m; a++) g[a] += f * (y[i * m + a] - y[j * m + a]);
                }
                for (int a = 0; a < m; a++) g[a] *= 4;
            });
            for (int k = 0; k < y.Length; k++)
            {
                // Delta-bar-delta gains: grow a coordinate's step while the gradient keeps pointing the same way.
                gains[k] = Math.Sign(grad[k]) != Math.Sign(velocity[k]) ? gains[k] + 0.2 : Math.Max(0.01, gains[k] * 0.8);
                velocity[k] = momentum * velocity[k] - o.LearningRate * gains[k] * grad[k];
                y[k] += velocity[k];
            }
            for (int a = 0; a < m; a++)
            {
                double mean = 0;
                for (int i = 0; i < n; i++) mean += y[i * m + a];
                mean /= n;
                for (int i = 0; i < n; i++) y[i * m + a] -= mean;
            }
        }

        double zFinal = StudentT(y, n, m, num, rowSums, parallel), kl = 0;
        for (int k = 0; k < p.Length; k++)
            if (p[k] > 0 && k / n != k % n) kl += p[k] * Math.Log(p[k] / Math.Max(num[k] / zFinal, 1e-300));
        return new TsneResult(n, m, y.Select(v => (float)v).ToArray(), kl);
    }

    /// <summary>Fills num with (1 + ‖y_i − y_j‖²)⁻¹ (0 on the diagonal) and returns their sum Z.</summary>
    private static double StudentT(double[] y, int n, int m, double[] num, double[] rowSums, ParallelOptions parallel)
    {
        Parallel.For(0, n, parallel, i =>
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                double d2 = 0;
                for (int a = 0; a < m; a++) { double t = y[i * m + a] - y[j * m + a]; d2 += t * t; }
                double w = i == j ? 0 : 1 / (1 + d2);
                num[i * n + j] = w; s += w;
            }
            rowSums[i] = s;
        });
        double z = 0;
        for (int i = 0; i < n; i++) z += rowSums[i];   // fixed order, so Z does not depend on threads
        return z;
    }

    /// <summary>Symmetric P: p_ij = (p_{j|i} + p_{i|j}) / 2n, floored at 1e-12 off the diagonal.</summary>
    internal static double[] JointProbabilities(double[] x, int n, int dim, double perplexity, ParallelOptions parallel)
    {
        var cond = ConditionalProbabilities(x, n, dim, perplexity, parallel);
        var p = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                p[i * n + j] = i == j ? 0 : Math.Max((cond[i * n + j] + cond[j * n + i]) / (2.0 * n), 1e-12);
        return p;
    }

    /// <summary>
    /// Row i holds the Gaussian conditional p_{j|i} whose entropy equals log(perplexity) (nats),
    /// found by bisection on the precision β_i.
    /// </summary>
    internal static double[] ConditionalProbabilities(double[] x, int n, int dim, double perplexity, ParallelOptions parallel)
    {
        var cond = new double[n * n];
        double target = Math.Log(perplexity);
        Parallel.For(0, n, parallel, i =>
        {
            var d2 = new double[n];
            var xi = x.AsSpan(i * dim, dim);
            double dMin = double.PositiveInfinity;
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                double d = TensorPrimitives.Distance<double>(xi, x.AsSpan(j * dim, dim));
                d2[j] = d * d;
                dMin = Math.Min(dMin, d2[j]);
            }
            // Shifting by the nearest distance leaves the normalised row unchanged and avoids exp underflow.
            double beta = 1, lo = 0, hi = double.PositiveInfinity;
            var row = cond.AsSpan(i * n, n);
            for (int tries = 0; tries < 100; tries++)
            {
                double sum = 0, weighted = 0;
                for (int j = 0; j < n; j++)
                {
                    if (j == i) { row[j] = 0; continue; }
                    double e = Math.Exp(-beta * (d2[j] - dMin));
                    row[j] = e; sum += e; weighted += (d2[j] - dMin) * e;
                }
                double entropy = Math.Log(sum) + beta * weighted / sum;
                for (int j = 0; j < n; j++) row[j] /= sum;
                if (Math.Abs(entropy - target) < 1e-5) break;
                if (entropy > target) { lo = beta; beta = double.IsPositiveInfinity(hi) ? beta * 2 : (beta + hi) / 2; }
                else { hi = beta; beta = (beta + lo) / 2; }
            }
        });
        return cond;
    }
}
