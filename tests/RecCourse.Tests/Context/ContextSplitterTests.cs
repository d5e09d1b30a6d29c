using RecCourse.Context;

namespace RecCourse.Tests.Context;

public class ContextSplitterTests
{
    private static readonly int[] Planted = [3, 11, 17];

    private static double CinemaBoost(int u, int i, int[] c) => Planted.Contains(i) && c[CarsTestData.Location] == CarsTestData.Cinema ? 1.5 : 0;

    [Fact]
    public void ItemSplittingFindsExactlyThePlantedItemsAndCondition()
    {
        var data = CarsTestData.Generate(150, 30, 0.5, 1, CinemaBoost);
        var strict = ContextSplitter.SplitItems(data, alpha: 0.001);
        Assert.Equal(Planted, strict.Splits.Select(s => s.Original).ToArray());
        foreach (var s in strict.Splits)
        {
            Assert.Equal(CarsTestData.Location, s.Dimension);
            Assert.Equal(CarsTestData.Cinema, s.Condition);
            Assert.True(s.T > 0 && s.PValue < 1e-6, $"item {s.Original}: t {s.T:F2}, p {s.PValue:E2}");
        }
        // At the usual α = 0.05 the planted splits are all still found (plus possibly chance ones).
        var loose = ContextSplitter.SplitItems(data);
        foreach (int i in Planted) Assert.Equal(CarsTestData.Cinema, loose.DecisionFor(i)?.Condition);
    }

    [Fact]
    public void SplitDatasetRemapsRatingsAndPredictionMapping()
    {
        var data = CarsTestData.Generate(150, 30, 0.5, 1, CinemaBoost);
        var result = ContextSplitter.SplitItems(data, alpha: 0.001);
        var split = result.Dataset;
        Assert.Equal(30 + Planted.Length, split.NumItems);
        Assert.Equal(split.NumItems, split.Items.Count);
        Assert.Equal(data.Ratings.Count, split.Ratings.Count);
        var ctx = data.Ratings.Context!;
        for (int r = 0; r < data.Ratings.Count; r++)
        {
            int item = data.Ratings.Items[r];
            int[] c = [ctx[0][r], ctx[1][r], ctx[2][r]];
            int expected = Planted.Contains(item) && c[1] == CarsTestData.Cinema ? 30 + Array.IndexOf(Planted, item) : item;
            Assert.Equal(expected, split.Ratings.Items[r]);
            Assert.Equal(expected, result.Map(item, c));
            Assert.Equal(item, result.OriginalOf(split.Ratings.Items[r]));
        }
        Assert.Equal("i3@Location=Cinema", split.ItemIds.IdAt(30));
        Assert.Equal("i3@Location!=Cinema", split.ItemIds.IdAt(3));
        Assert.Equal("i4", split.ItemIds.IdAt(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.OriginalOf(30 + Planted.Length));
    }

    [Fact]
    public void UserSplittingFindsAPlantedUserContextEffect()
    {
        int[] weekendFans = [2, 9];
        var data = CarsTestData.Generate(40, 120, 0.5, 2, (u, _, c) => weekendFans.Contains(u) && c[0] == 1 ? 1.5 : 0);
        // Each user rates items of very different means, so the per-user noise is wide: a stricter α keeps chance splits out.
        var result = ContextSplitter.SplitUsers(data, alpha: 1e-5);
        Assert.Equal(weekendFans, result.Splits.Select(s => s.Original).ToArray());
        Assert.All(result.Splits, s => Assert.Equal((0, 1), (s.Dimension, s.Condition)));
        Assert.Equal(42, result.Dataset.NumUsers);
    }

    [Fact]
    public void NothingPlantedMeansFewSplitsAndAlphaIsChecked()
    {
        var data = CarsTestData.Generate(100, 30, 0.5, 3, (_, _, _) => 0);
        Assert.True(ContextSplitter.SplitItems(data, alpha: 0.001).Splits.Count <= 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => ContextSplitter.SplitItems(data, alpha: 1.5));
    }
}
