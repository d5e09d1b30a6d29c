using RecCourse.Embeddings;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Embeddings;

public class PcaTests
{
    /// <summary>Points spread with std 5, 2 and 0.5 along three known orthonormal directions of R⁴.</summary>
    private static (float[] Data, double[][] Directions) Planted(int n)
    {
        double s = 1 / Math.Sqrt(2);
        double[][] dirs = [[s, s, 0, 0], [0, 0, 0.6, 0.8], [s, -s, 0, 0]];
        double[] std = [5, 2, 0.5];
        var rng = new Random(5);
        var data = new float[n * 4];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < 3; c++)
            {
                double z = std[c] * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                for (int a = 0; a < 4; a++) data[r * 4 + a] += (float)(z * dirs[c][a] + (a == 0 ? 10 : 0) / 3.0);
            }
        return (data, dirs);
    }

    [Theory]
    [InlineData(2000)]   // tall: the thin-QR path
    [InlineData(3)]      // fewer rows than columns: direct SVD
    public void ExplainedVarianceRatiosSumToOneWithAllComponents(int n)
    {
        var (data, _) = Planted(n);
        var pca = Pca.Fit(data, 4, Math.Min(n, 4));
        Approx.AssertClose(1, pca.ExplainedVarianceRatio.Sum(), 1e-9, 1e-9, "Σ ratio");
        for (int c = 1; c < pca.K; c++) Assert.True(pca.ExplainedVariance[c] <= pca.ExplainedVariance[c - 1] + 1e-12);
    }

    [Fact]
    public void FindsThePlantedDirectionsVariancesAndProjections()
    {
        var (data, dirs) = Planted(4000);
        var pca = Pca.Fit(data, 4, 3);
        double[] std = [5, 2, 0.5];
        for (int c = 0; c < 3; c++)
        {
            double cos = Enumerable.Range(0, 4).Sum(a => pca.Components[c * 4 + a] * dirs[c][a]);
            Assert.True(Math.Abs(cos) > 0.99, $"component {c}: |cos| with the planted direction {Math.Abs(cos):F4}");
            Approx.AssertClose(std[c] * std[c], pca.ExplainedVariance[c], 0.06, 0, $"variance {c}");
            // Sign convention: the largest-magnitude entry is positive.
            var comp = pca.Components.AsSpan(c * 4, 4).ToArray();
            Assert.True(comp[Array.IndexOf(comp.Select(Math.Abs).ToArray(), comp.Max(Math.Abs))] > 0);
        }
        // The fourth direction has no variance, so three components explain (nearly) everything.
        Approx.AssertClose(1, pca.ExplainedVarianceRatio.Sum(), 1e-6, 0, "3 of 3 real directions");
        // Projection equals (x − mean)·component, computed independently.
        for (int r = 0; r < 4000; r += 397)
            for (int c = 0; c < 3; c++)
            {
                double z = 0;
                for (int a = 0; a < 4; a++) z += (data[r * 4 + a] - pca.Mean[a]) * pca.Components[c * 4 + a];
                Approx.AssertClose(z, pca.Projected[r * 3 + c], 1e-5, 1e-5, $"projection [{r},{c}]");
                Approx.AssertClose(z, pca.Transform(data.AsSpan(r * 4, 4))[c], 1e-9, 1e-9, $"transform [{r},{c}]");
            }
    }

    [Fact]
    public void RejectsBadShapes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(new float[12], 4, 5));
        Assert.Throws<ArgumentException>(() => Pca.Fit(new float[4], 4, 1));
        Assert.Throws<ArgumentException>(() => Pca.Fit(new float[10], 4, 1));
    }
}
