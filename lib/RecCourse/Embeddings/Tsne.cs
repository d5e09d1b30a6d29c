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
    /// <summary>The largest n accepted: P (n × n float64) takes 72 MB at 3000 points, and each iteration visits n² pairs.</summary>
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
        var work = new GradientWork(n, m);

        for (int iter = 0; iter < o.Iterations; iter++)
        {
            double exaggeration = iter < o.ExaggerationIterations ? o.EarlyExaggeration : 1;
            double momentum = iter < 250 ? o.InitialMomentum : o.FinalMomentum;
            Gradient(y, p, n, m, exaggeration, parallel, work, grad);
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
        return new TsneResult(n, m, y.Select(v => (float)v).ToArray(), KlDivergence(y, p, n, m));
    }

    /// <summary>Scratch arrays of <see cref="Gradient"/>, allocated once per fit.</summary>
    internal sealed class GradientWork(int n, int m)
    {
        public readonly double[] Attraction = new double[n * m], Repulsion = new double[n * m], RowSums = new double[n];
    }

    /// <summary>
    /// ∂KL/∂y_i = 4 Σ_j (e·p_ij − w_ij/Z) w_ij (y_i − y_j), w_ij = (1 + ‖y_i − y_j‖²)⁻¹, Z = Σ w, e the exaggeration.
    /// Split as 4 (e Σ_j p_ij w_ij (y_i − y_j) − Σ_j w_ij² (y_i − y_j) / Z): both sums and Z come out of one
    /// pass over the pairs, so the n × n matrix of w is never stored.
    /// </summary>
    internal static void Gradient(double[] y, double[] p, int n, int m, double exaggeration, ParallelOptions parallel, GradientWork work, double[] grad)
    {
        Parallel.For(0, n, parallel, i => work.RowSums[i] = PairSums(y, p, n, m, i, work.Attraction.AsSpan(i * m, m), work.Repulsion.AsSpan(i * m, m)));
        double z = 0;
        for (int i = 0; i < n; i++) z += work.RowSums[i];   // fixed order, so Z does not depend on threads
        for (int k = 0; k < grad.Length; k++) grad[k] = 4 * (exaggeration * work.Attraction[k] - work.Repulsion[k] / z);
    }

    /// <summary>
    /// For row i: writes Σ_j p_ij w_ij (y_i − y_j) to <paramref name="attraction"/> and Σ_j w_ij² (y_i − y_j)
    /// to <paramref name="repulsion"/>, and returns Σ_j w_ij (j ≠ i).
    /// </summary>
    private static double PairSums(double[] y, double[] p, int n, int m, int i, Span<double> attraction, Span<double> repulsion)
    {
        if (m == 2) return PairSums2(y, p, n, i, attraction, repulsion);
        attraction.Clear(); repulsion.Clear();
        Span<double> diff = stackalloc double[m];
        var yi = y.AsSpan(i * m, m);
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            if (j == i) continue;
            double d2 = 0;
            for (int a = 0; a < m; a++) { diff[a] = yi[a] - y[j * m + a]; d2 += diff[a] * diff[a]; }
            double w = 1 / (1 + d2), pw = p[i * n + j] * w, ww = w * w;
            for (int a = 0; a < m; a++) { attraction[a] += pw * diff[a]; repulsion[a] += ww * diff[a]; }
            sum += w;
        }
        return sum;
    }

    /// <summary><see cref="PairSums"/> for the usual 2-D output, with the coordinates in locals (about 2× faster).</summary>
    private static double PairSums2(double[] y, double[] p, int n, int i, Span<double> attraction, Span<double> repulsion)
    {
        double x0 = y[2 * i], x1 = y[2 * i + 1];
        double a0 = 0, a1 = 0, r0 = 0, r1 = 0, sum = 0;
        var row = p.AsSpan(i * n, n);
        for (int j = 0; j < n; j++)
        {
            if (j == i) continue;
            double d0 = x0 - y[2 * j], d1 = x1 - y[2 * j + 1];
            double w = 1 / (1 + d0 * d0 + d1 * d1), pw = row[j] * w, ww = w * w;
            a0 += pw * d0; a1 += pw * d1; r0 += ww * d0; r1 += ww * d1;
            sum += w;
        }
        attraction[0] = a0; attraction[1] = a1; repulsion[0] = r0; repulsion[1] = r1;
        return sum;
    }

    /// <summary>KL(P ‖ Q) in nats with q_ij = w_ij / Z.</summary>
    internal static double KlDivergence(double[] y, double[] p, int n, int m)
    {
        double W(int i, int j)
        {
            double d2 = 0;
            for (int a = 0; a < m; a++) { double t = y[i * m + a] - y[j * m + a]; d2 += t * t; }
            return 1 / (1 + d2);
        }
        double z = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (i != j) z += W(i, j);
        double kl = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j && p[i * n + j] > 0) kl += p[i * n + j] * Math.Log(p[i * n + j] * z / W(i, j));
        return kl;
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
