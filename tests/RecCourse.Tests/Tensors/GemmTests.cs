using RecCourse.Tensors;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Tensors;

/// <summary>The blocked GEMM against a float64 triple loop.</summary>
public class GemmTests
{
    private static float[] RandomArray(Random rng, int n) => Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();

    private static double[] Reference(float[] a, int lda, bool ta, float[] b, int ldb, bool tb, float[] c0, int m, int n, int k, bool acc)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = acc ? c0[i * n + j] : 0;
                for (int p = 0; p < k; p++) s += (double)(ta ? a[p * lda + i] : a[i * lda + p]) * (tb ? b[j * ldb + p] : b[p * ldb + j]);
                c[i * n + j] = s;
            }
        return c;
    }

    private static void CheckOne(Random rng, int m, int n, int k, bool ta, bool tb, bool acc)
    {
        int lda = ta ? m : k, ldb = tb ? k : n;
        var a = RandomArray(rng, m * k); var b = RandomArray(rng, k * n); var c = RandomArray(rng, m * n);
        var expected = Reference(a, lda, ta, b, ldb, tb, c, m, n, k, acc);
        Gemm.Multiply(a, Math.Max(lda, 1), ta, b, Math.Max(ldb, 1), tb, c, Math.Max(n, 1), m, n, k, acc);
        // float32 sums of k products of values in [−1, 1]: error grows like k·ε.
        Approx.AssertClose(expected, c, 1e-5, 1e-6 * (k + 1), $"{m}×{n}×{k} ta={ta} tb={tb} acc={acc}");
    }

    [Fact]
    public void Every_small_size_and_transpose_matches_the_scalar_reference()
    {
        var rng = new Random(5);
        int[] edges = [0, 1, 2, 5, 6, 7, 31, 32, 33, 64, 97];
        foreach (int m in edges)
            foreach (int n in edges)
                CheckOne(rng, m, n, edges[rng.Next(edges.Length)], rng.Next(2) == 0, rng.Next(2) == 0, rng.Next(2) == 0);
    }

    [Fact]
    public void Sampled_sizes_up_to_256_and_beyond_one_block()
    {
        var rng = new Random(9);
        for (int t = 0; t < 40; t++)
            CheckOne(rng, rng.Next(257), rng.Next(257), rng.Next(257), t % 2 == 0, t % 4 < 2, t % 3 == 0);
        // more than one K block (256), M block (96) and N panel (32).
        CheckOne(rng, 200, 70, 600, false, true, true);
        CheckOne(rng, 130, 1030, 40, true, false, false);
    }

    [Fact]
    public void One_and_two_threads_give_bit_identical_results()
    {
        var rng = new Random(3);
        int m = 700, n = 300, k = 300;
        var a = RandomArray(rng, m * k); var b = RandomArray(rng, k * n);
        var c1 = new float[m * n]; var c2 = new float[m * n];
        Gemm.Multiply(a, k, false, b, n, false, c1, n, m, n, k, threads: 1);
        Gemm.Multiply(a, k, false, b, n, false, c2, n, m, n, k, threads: 2);
        Assert.True(c1.AsSpan().SequenceEqual(c2), "results differ between 1 and 2 threads");
    }

    [Fact]
    public void K_zero_clears_or_keeps_C()
    {
        var c = new float[] { 1, 2, 3, 4 };
        Gemm.Multiply([], 1, false, [], 2, false, c, 2, 2, 2, 0, accumulate: true);
        Assert.Equal([1f, 2f, 3f, 4f], c);
        Gemm.Multiply([], 1, false, [], 2, false, c, 2, 2, 2, 0);
        Assert.All(c, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Short_spans_and_bad_strides_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(new float[5], 3, false, new float[6], 2, false, new float[4], 2, 2, 2, 3));
        Assert.Contains("A needs 6", e.Message);
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(new float[6], 2, false, new float[6], 2, false, new float[4], 2, 2, 2, 3));
    }

    [Fact]
    public void NaN_in_A_reaches_only_its_row()
    {
        var a = new float[] { 1, float.NaN, 2, 3 }; // 2×2, NaN in row 0
        var b = new float[] { 1, 0, 0, 1 };
        var c = new float[4];
        Gemm.Multiply(a, 2, false, b, 2, false, c, 2, 2, 2, 2);
        Assert.True(float.IsNaN(c[1]));
        Approx.AssertClose(2, c[2], 0, 1e-6);
        Approx.AssertClose(3, c[3], 0, 1e-6);
    }
}
