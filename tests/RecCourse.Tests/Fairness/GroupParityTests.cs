using RecCourse.Fairness;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Fairness;

public class GroupParityTests
{
    [Fact]
    public void DemographicParity_DifferenceAndRatio_ByHand()
    {
        // A: 3 of 4 positive (0.75); B: 1 of 2 (0.5); the null-group sample is ignored.
        bool[] outcome = [true, true, true, false, true, false, true];
        string?[] groups = ["A", "A", "A", "A", "B", "B", null];
        var dp = GroupParity.DemographicParity(outcome, groups);
        Approx.AssertClose(0.25, dp.Difference, 1e-15, 0);
        Approx.AssertClose(0.5 / 0.75, dp.Ratio, 1e-15, 0);
        Assert.Equal(4, dp.Rows.Single(r => r.Group == "A").Count);
    }

    [Fact]
    public void DemographicParity_EqualRates_IsParity()
    {
        var dp = GroupParity.DemographicParity([true, false, true, false], u => u < 2 ? "x" : "y");
        Approx.AssertClose(0, dp.Difference, 0, 1e-15);
        Approx.AssertClose(1, dp.Ratio, 1e-15, 0);
    }

    [Fact]
    public void EqualizedOdds_ByHand()
    {
        // Group A: positives (T,T) predicted (T,F) → TPR 0.5; negatives (F,F) predicted (T,F) → FPR 0.5.
        // Group B: positives predicted (T,T) → TPR 1; negatives predicted (F,F) → FPR 0.
        bool[] y = [true, true, false, false, true, true, false, false];
        bool[] p = [true, false, true, false, true, true, false, false];
        string[] g = ["A", "A", "A", "A", "B", "B", "B", "B"];
        var eo = GroupParity.EqualizedOdds(y, p, g);
        var a = eo.Rows.Single(r => r.Group == "A");
        Approx.AssertClose(0.5, a.TruePositiveRate, 1e-15, 0);
        Approx.AssertClose(0.5, a.FalsePositiveRate, 1e-15, 0);
        // TPR diff 0.5, FPR diff 0.5 → 0.5; TPR ratio 0.5, FPR ratio 0/0.5 = 0 → 0.
        Approx.AssertClose(0.5, eo.Difference, 1e-15, 0);
        Approx.AssertClose(0.0, eo.Ratio, 0, 1e-15);
    }

    [Fact]
    public void MismatchedLengths_Throw()
    {
        Assert.Throws<ArgumentException>(() => GroupParity.EqualizedOdds([true], [true, false], ["a"]));
    }
}
