using MathNet.Numerics.Distributions;

namespace RecCourse.Context;

/// <summary>
/// Welch's unequal-variance t-test of two samples: t = (mean_a − mean_b) / √(s²_a/n_a + s²_b/n_b) with
/// Welch–Satterthwaite degrees of freedom and a two-sided p-value from MathNet's Student-t CDF.
/// </summary>
public static class WelchTTest
{
    /// <summary>
    /// Tests a against b. Needs n ≥ 2 in each sample; when both variances are 0 the statistic is
    /// undefined and the result is (t = 0, p = 1) for equal means, (±∞, p = 0) otherwise.
    /// </summary>
    public static WelchResult Test(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length < 2) throw new ArgumentException($"Sample a has {a.Length} values; Welch's test needs at least 2.", nameof(a));
        if (b.Length < 2) throw new ArgumentException($"Sample b has {b.Length} values; Welch's test needs at least 2.", nameof(b));
        var (ma, va) = MeanVariance(a); var (mb, vb) = MeanVariance(b);
        double sa = va / a.Length, sb = vb / b.Length, se2 = sa + sb;
        if (se2 == 0)
            return ma == mb ? new WelchResult(0, a.Length + b.Length - 2, 1, ma, mb) : new WelchResult(ma > mb ? double.PositiveInfinity : double.NegativeInfinity, a.Length + b.Length - 2, 0, ma, mb);
        double t = (ma - mb) / Math.Sqrt(se2);
        double df = se2 * se2 / (sa * sa / (a.Length - 1) + sb * sb / (b.Length - 1));
        double p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        return new WelchResult(t, df, Math.Min(1, p), ma, mb);
    }

    private static (double Mean, double Variance) MeanVariance(ReadOnlySpan<double> x)
    {
        double m = 0;
        foreach (double v in x) m += v;
        m /= x.Length;
        double s = 0;
        foreach (double v in x) s += (v - m) * (v - m);
        return (m, s / (x.Length - 1));
    }
}
