using RecCourse.Fairness;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Fairness;

public class ExposureTests
{
    [Fact]
    public void PositionWeight_IsDcgDiscount()
    {
        Approx.AssertClose(1.0, Exposure.PositionWeight(1), 1e-15, 0);
        Approx.AssertClose(1 / Math.Log2(3), Exposure.PositionWeight(2), 1e-15, 0);
        Approx.AssertClose(0.5, Exposure.PositionWeight(3), 1e-15, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Exposure.PositionWeight(0));
    }

    [Fact]
    public void ByItemGroup_SharesMatchHandCount()
    {
        // Items 0–1 are "head", 2–9 "tail". Lists: [0, 2], [1, 0] → 3 of 4 slots head.
        int[][] lists = [[0, 2], [1, 0]];
        var rows = Exposure.ByItemGroup(lists, 10, i => i < 2 ? "head" : "tail");
        var head = rows.Single(r => r.ItemGroup == "head");
        var tail = rows.Single(r => r.ItemGroup == "tail");
        Assert.Equal(2, head.CatalogItems);
        Approx.AssertClose(0.2, head.CatalogShare, 1e-15, 0);
        Approx.AssertClose(0.75, head.ExposureShare, 1e-15, 0);
        double w2 = 1 / Math.Log2(3);
        // Head holds slots 1, 1 and 2 of the four (weights 1, w2, 1, w2).
        Approx.AssertClose((2 + w2) / (2 + 2 * w2), head.WeightedExposureShare, 1e-12, 0);
        Approx.AssertClose(w2 / (2 + 2 * w2), tail.WeightedExposureShare, 1e-12, 0);
    }

    [Fact]
    public void ByItemGroups_OverlappingGroupsCanSumAboveOne()
    {
        int[][] lists = [[0, 1]];
        var rows = Exposure.ByItemGroups(lists, 4, [("even", i => i % 2 == 0), ("small", i => i < 2)]);
        Approx.AssertClose(0.5, rows[0].ExposureShare, 1e-15, 0);
        Approx.AssertClose(1.0, rows[1].ExposureShare, 1e-15, 0);
    }

    [Fact]
    public void ReceivedAny_PerUser()
    {
        Assert.Equal([true, false], Exposure.ReceivedAny([[5, 1], [1, 2]], i => i > 3));
    }
}
