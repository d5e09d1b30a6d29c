using RecCourse.Embeddings;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Embeddings;

public class SimilarityTests
{
    private const double Rel = 1e-4, Abs = 1e-5;

    private static float[] RandomVector(Random rng, int n) => Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();

    [Fact]
    public void CosineAndEuclideanMatchFloat64ScalarReferencesForLengths1To256()
    {
        var rng = new Random(1);
        for (int n = 1; n <= 256; n++)
        {
            var a = RandomVector(rng, n); var b = RandomVector(rng, n);
            double dot = 0, na = 0, nb = 0, d2 = 0;
            for (int k = 0; k < n; k++) { dot += (double)a[k] * b[k]; na += (double)a[k] * a[k]; nb += (double)b[k] * b[k]; d2 += ((double)a[k] - b[k]) * ((double)a[k] - b[k]); }
            Approx.AssertClose(dot / Math.Sqrt(na * nb), Similarity.Cosine(a, b), Rel, Abs, $"cosine n={n}");
            Approx.AssertClose(Math.Sqrt(d2), Similarity.Euclidean(a, b), Rel, Abs, $"euclidean n={n}");
        }
    }

    [Fact]
    public void EdgeCasesAreDocumented()
    {
        Assert.Throws<ArgumentException>(() => Similarity.Cosine(new float[3], new float[4]));
        Assert.True(float.IsNaN(Similarity.Cosine([], [])));
        Approx.AssertClose(0, Similarity.Euclidean([], []), 0, 0);
        Approx.AssertClose(1, Similarity.Cosine([2f, 0f], [5f, 0f]), Rel, Abs, "parallel");
        Approx.AssertClose(-1, Similarity.Cosine([1f, 1f], [-3f, -3f]), Rel, Abs, "opposite");
    }

    [Theory]
    [InlineData(SimilarityMetric.Cosine)]
    [InlineData(SimilarityMetric.Euclidean)]
    public void NearestNeighboursMatchABruteForceScalarRanking(SimilarityMetric metric)
    {
        var rng = new Random(2);
        foreach (int dim in new[] { 1, 3, 17, 64 })
        {
            const int n = 40;
            var data = RandomVector(rng, n * dim);
            for (int q = 0; q < n; q += 7)
            {
                var expected = Enumerable.Range(0, n).Where(j => j != q)
                    .Select(j =>
                    {
                        double dot = 0, na = 0, nb = 0, d2 = 0;
                        for (int a = 0; a < dim; a++)
                        {
                            double x = data[q * dim + a], y = data[j * dim + a];
                            dot += x * y; na += x * x; nb += y * y; d2 += (x - y) * (x - y);
                        }
                        return (j, score: metric == SimilarityMetric.Cosine ? -dot / Math.Sqrt(na * nb) : Math.Sqrt(d2));
                    })
                    .OrderBy(t => t.score).ThenBy(t => t.j).Take(5).Select(t => t.j).ToArray();
                var got = Similarity.NearestNeighbours(data, dim, q, 5, metric);
                Assert.Equal(expected, got.Select(g => g.Index).ToArray());
                Assert.DoesNotContain(q, got.Select(g => g.Index));
            }
        }
    }

    [Fact]
    public void TiesKeepTheLowerIndexFirstAndKIsCappedAtNMinusOne()
    {
        float[] data = [1, 0, 5, 0, 1, 0, 2, 0, 1, 0];   // five rows of dim 2, all pointing the same way
        var nn = Similarity.NearestNeighbours(data, 2, 2, 10, SimilarityMetric.Cosine);
        Assert.Equal(new[] { 0, 1, 3, 4 }, nn.Select(x => x.Index).ToArray());
        var byDistance = Similarity.NearestNeighbours(data, 2, 0, 2, SimilarityMetric.Euclidean);
        Assert.Equal(new[] { 2, 4 }, byDistance.Select(x => x.Index).ToArray());
        Assert.Throws<ArgumentException>(() => Similarity.NearestNeighbours(new float[5], 2, 0, 1));
    }

    [Fact]
    public void OneHotTimesWEqualsTheRowLookup()
    {
        var rng = new Random(3);
        const int classes = 12, dim = 7;
        var w = RandomVector(rng, classes * dim);
        int[] ids = [3, 0, 11, 3, 7];
        var oneHot = OneHot.Encode(ids, classes);
        for (int r = 0; r < ids.Length; r++)
            for (int c = 0; c < classes; c++) Approx.AssertClose(c == ids[r] ? 1 : 0, oneHot[r * classes + c], 0, 0, $"one-hot[{r},{c}]");
        var product = OneHot.Multiply(oneHot, classes, w, dim);
        var lookup = OneHot.Lookup(w, dim, ids);
        for (int k = 0; k < lookup.Length; k++) Approx.AssertClose(lookup[k], product[k], 0, 0, $"row {k / dim}");
        for (int k = 0; k < dim; k++) Approx.AssertClose(w[11 * dim + k], lookup[2 * dim + k], 0, 0, "lookup is row 11 of W");
        Assert.Throws<ArgumentOutOfRangeException>(() => OneHot.Encode([12], classes));
    }

    [Fact]
    public void MultiplyMatchesAScalarMatrixProduct()
    {
        var rng = new Random(4);
        var a = RandomVector(rng, 3 * 5); var w = RandomVector(rng, 5 * 4);
        var got = OneHot.Multiply(a, 5, w, 4);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 4; c++)
            {
                double s = 0;
                for (int k = 0; k < 5; k++) s += (double)a[r * 5 + k] * w[k * 4 + c];
                Approx.AssertClose(s, got[r * 4 + c], Rel, Abs, $"[{r},{c}]");
            }
    }
}
