using RecCourse.Embeddings;
using RecCourse.Tests.TestSupport;
using Xunit.Abstractions;

namespace RecCourse.Tests.Embeddings;

public class TsneTests(ITestOutputHelper output)
{
    /// <summary>5 Gaussian clusters × 60 points in 20-D, centres 10 apart on random axes, unit noise.</summary>
    private static (float[] Data, int[] Labels) Clusters(int perCluster = 60, int clusters = 5, int dim = 20)
    {
        var rng = new Random(8);
        var centres = new double[clusters * dim];
        for (int k = 0; k < centres.Length; k++) centres[k] = 4 * Gauss(rng);
        var data = new float[clusters * perCluster * dim];
        var labels = new int[clusters * perCluster];
        for (int r = 0; r < labels.Length; r++)
        {
            labels[r] = r % clusters;
            for (int a = 0; a < dim; a++) data[r * dim + a] = (float)(centres[labels[r] * dim + a] + Gauss(rng));
        }
        return (data, labels);
    }

    private static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static readonly TsneOptions Fast = new() { Perplexity = 20, Iterations = 400, Threads = 2 };

    [Fact]
    public void KeepsPlantedClustersApartAndPreservesNeighbourhoods()
    {
        var (data, labels) = Clusters();
        var result = Tsne.Fit(data, 20, Fast);
        Assert.Equal(300 * 2, result.Embedding.Length);
        double agreement = EmbeddingQuality.KnnLabelAgreement(result.Embedding, 2, labels, 10);
        Assert.True(agreement > 0.95, $"10-NN label agreement in 2-D: {agreement:F3}");
        double preserved = EmbeddingQuality.NeighbourPreservation(data, 20, result.Embedding, 2, 10);
        // Inside a cluster the points are isotropic noise, so exact neighbour identity is only partly
        // recoverable; random placement would keep 10/299 ≈ 0.03, and PCA to 2-D is the bar to beat.
        var pca = Pca.Fit(data, 20, 2);
        double pcaPreserved = EmbeddingQuality.NeighbourPreservation(data, 20, pca.Projected, 2, 10);
        output.WriteLine($"10-NN label agreement {agreement:F3}; neighbour preservation (k = 10) t-SNE {preserved:F3}, PCA {pcaPreserved:F3}; KL {result.KlDivergence:F3}");
        Assert.True(preserved > 0.25 && preserved > pcaPreserved, $"neighbour preservation t-SNE {preserved:F3}, PCA {pcaPreserved:F3}");
        Assert.True(result.KlDivergence > 0 && result.KlDivergence < 2, $"KL {result.KlDivergence:F3}");
    }

    [Fact]
    public void SameSeedGivesIdenticalOutputForAnyThreadCount()
    {
        var (data, _) = Clusters(perCluster: 12, clusters: 3, dim: 5);
        var options = new TsneOptions { Perplexity = 8, Iterations = 120, Seed = 3 };
        var a = Tsne.Fit(data, 5, options with { Threads = 1 });
        var b = Tsne.Fit(data, 5, options with { Threads = 2 });
        var c = Tsne.Fit(data, 5, options with { Seed = 4 });
        for (int k = 0; k < a.Embedding.Length; k++) Approx.AssertClose(a.Embedding[k], b.Embedding[k], 0, 0, $"y[{k}]");
        Assert.Contains(Enumerable.Range(0, a.Embedding.Length), k => a.Embedding[k] != c.Embedding[k]);
    }

    [Fact]
    public void ConditionalDistributionsHaveThePerplexityAsked()
    {
        var (data, _) = Clusters(perCluster: 20, clusters: 2, dim: 3);
        var x = data.Select(v => (double)v).ToArray();
        const int n = 40;
        var serial = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        var cond = Tsne.ConditionalProbabilities(x, n, 3, 10, serial);
        for (int i = 0; i < n; i++)
        {
            double entropy = 0, sum = 0;
            for (int j = 0; j < n; j++) { double q = cond[i * n + j]; sum += q; if (q > 0) entropy -= q * Math.Log(q); }
            Approx.AssertClose(1, sum, 1e-9, 1e-9, $"Σ_j p(j|{i})");
            Approx.AssertClose(10, Math.Exp(entropy), 1e-3, 0, $"perplexity of row {i}");
        }
        var p = Tsne.JointProbabilities(x, n, 3, 10, serial);
        Approx.AssertClose(1, p.Sum(), 1e-6, 1e-6, "Σ p_ij");
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) Approx.AssertClose(p[i * n + j], p[j * n + i], 1e-12, 0, "symmetry");
    }

    [Theory]
    [InlineData(2)]   // the specialised 2-D path
    [InlineData(3)]   // the general path
    public void GradientMatchesFiniteDifferencesOfTheKlDivergence(int m)
    {
        const int n = 9;
        var rng = new Random(12);
        var y = Enumerable.Range(0, n * m).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var p = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) p[i * n + j] = p[j * n + i] = rng.NextDouble();
        double total = p.Sum();
        for (int k = 0; k < p.Length; k++) p[k] /= total;
        var grad = new double[n * m];
        Tsne.Gradient(y, p, n, m, 1, new ParallelOptions { MaxDegreeOfParallelism = 1 }, new Tsne.GradientWork(n, m), grad);
        const double h = 1e-6;
        for (int k = 0; k < y.Length; k++)
        {
            double keep = y[k];
            y[k] = keep + h; double up = Tsne.KlDivergence(y, p, n, m);
            y[k] = keep - h; double down = Tsne.KlDivergence(y, p, n, m);
            y[k] = keep;
            Approx.AssertClose((up - down) / (2 * h), grad[k], Approx.GradRel, Approx.GradAbs, $"∂KL/∂y[{k}]");
        }
    }

    [Fact]
    public void RejectsPerplexityAtOrAboveNAndTooManyPoints()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Tsne.Fit(new float[10 * 2], 2, new TsneOptions { Perplexity = 10 }));
        Assert.Contains("Perplexity", ex.Message);
        Assert.Throws<ArgumentException>(() => Tsne.Fit(new float[3001], 1));
    }
}
