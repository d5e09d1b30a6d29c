using MathNet.Numerics.Distributions;
using RecCourse.Context;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Context;

public class WelchTTestTests
{
    [Theory]
    // Expected t and p from scipy.stats.ttest_ind(a, b, equal_var=False), SciPy 1.10.
    [InlineData(new double[] { 4, 5, 3, 5, 4, 5, 4 }, new double[] { 3, 2, 4, 3, 3, 2, 3, 4, 2 }, 3.6122043434777598, 0.0030670586438974645)]
    [InlineData(new double[] { 1.5, 2.25, 3.0, 2.0 }, new double[] { 2.0, 2.5, 2.75, 3.5, 3.25, 2.9 }, -1.6498052815025113, 0.15162216564681652)]
    public void MatchesScipyAndAFloat64HandComputation(double[] a, double[] b, double expectedT, double expectedP)
    {
        var r = WelchTTest.Test(a, b);
        Approx.AssertClose(expectedT, r.T, 1e-10, 1e-12, "t");
        Approx.AssertClose(expectedP, r.PValue, 1e-7, 1e-12, "p");

        double ma = a.Average(), mb = b.Average();
        double va = a.Sum(x => (x - ma) * (x - ma)) / (a.Length - 1), vb = b.Sum(x => (x - mb) * (x - mb)) / (b.Length - 1);
        double sa = va / a.Length, sb = vb / b.Length;
        double df = (sa + sb) * (sa + sb) / (sa * sa / (a.Length - 1) + sb * sb / (b.Length - 1));
        Approx.AssertClose(df, r.DegreesOfFreedom, 1e-12, 0, "Welch–Satterthwaite df");
        Approx.AssertClose((ma - mb) / Math.Sqrt(sa + sb), r.T, 1e-12, 0, "t by hand");
        Approx.AssertClose(2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(r.T))), r.PValue, 1e-9, 1e-12, "p from MathNet's CDF");
    }

    [Fact]
    public void SwappingSamplesNegatesTAndKeepsP()
    {
        double[] a = [1, 2, 3, 4], b = [2, 4, 6, 8, 9];
        var ab = WelchTTest.Test(a, b); var ba = WelchTTest.Test(b, a);
        Approx.AssertClose(-ab.T, ba.T, 1e-14, 0, "t");
        Approx.AssertClose(ab.PValue, ba.PValue, 1e-14, 0, "p");
    }

    [Fact]
    public void DegenerateSamples()
    {
        Assert.Throws<ArgumentException>(() => WelchTTest.Test([1.0], [1.0, 2.0]));
        var same = WelchTTest.Test([3.0, 3.0], [3.0, 3.0, 3.0]);
        Approx.AssertClose(1, same.PValue, 0, 0, "equal constants");
        var apart = WelchTTest.Test([4.0, 4.0], [3.0, 3.0]);
        Assert.True(double.IsPositiveInfinity(apart.T));
        Approx.AssertClose(0, apart.PValue, 0, 0, "different constants");
    }
}
