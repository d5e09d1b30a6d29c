using RecCourse.Data;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Data;

public class RecRandomTests
{
    [Fact]
    public void Matches_the_published_splitmix64_and_xoshiro256starstar_algorithms()
    {
        // SplitMix64 with state 0: first output 0xE220A8397B1DCDAF (Vigna's reference implementation).
        Assert.Equal(0xE220A8397B1DCDAFUL, RecRandom.FirstSplitMix64(0));
        // xoshiro256** from state {1, 2, 3, 4}: rotl(2·5, 7)·9 = 11520, then rotl(0·5, 7)·9 = 0.
        var r = RecRandom.FromState(1, 2, 3, 4);
        Assert.Equal(11520UL, r.NextUInt64());
        Assert.Equal(0UL, r.NextUInt64());
    }

    [Fact]
    public void Same_seed_same_stream_and_ranges_hold()
    {
        var a = new RecRandom(7); var b = new RecRandom(7); var c = new RecRandom(8);
        bool differs = false;
        for (int k = 0; k < 1000; k++)
        {
            ulong x = a.NextUInt64();
            Assert.Equal(x, b.NextUInt64());
            differs |= x != c.NextUInt64();
            double d = a.NextDouble(); b.NextDouble();
            Assert.InRange(d, 0.0, 0.9999999999999999);
            int i = a.NextInt(13); b.NextInt(13);
            Assert.InRange(i, 0, 12);
        }
        Assert.True(differs);
    }

    [Fact]
    public void Gaussian_has_mean_zero_and_unit_variance()
    {
        var r = new RecRandom(1);
        const int n = 200_000;
        double s = 0, s2 = 0;
        for (int k = 0; k < n; k++) { double x = r.NextGaussian(); s += x; s2 += x * x; }
        double mean = s / n, var = s2 / n - mean * mean;
        Approx.AssertClose(0, mean, 0, 0.01, "mean");   // sd of the mean ≈ 0.0022
        Approx.AssertClose(1, var, 0, 0.02, "variance"); // sd ≈ 0.0032
    }

    [Fact]
    public void Deterministic_exp_and_log_agree_with_the_runtime()
    {
        var r = new RecRandom(3);
        for (int k = 0; k < 2000; k++)
        {
            double x = (r.NextDouble() - 0.5) * 60;
            Approx.AssertClose(Math.Exp(x), DeterministicMath.Exp(x), 1e-14, 0, $"exp({x})");
            double y = Math.Exp((r.NextDouble() - 0.5) * 80);
            Approx.AssertClose(Math.Log(y), DeterministicMath.Log(y), 1e-14, 1e-15, $"log({y})");
        }
        Assert.Equal(0, DeterministicMath.Log(1));
        Assert.Equal(double.NegativeInfinity, DeterministicMath.Log(0));
    }
}
