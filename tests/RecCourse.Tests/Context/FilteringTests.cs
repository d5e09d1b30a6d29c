using RecCourse.Context;
using RecCourse.Data;
using RecCourse.Models;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Context;

public class FilteringTests
{
    /// <summary>Predicts the mean of the ratings it was trained on: makes the training segment visible.</summary>
    private sealed class MeanModel(RatingTable t) : IRecommender
    {
        public RatingTable Trained { get; } = t;
        public int NumUsers => 5;
        public int NumItems => 4;
        public float Predict(int user, int item) => (float)Trained.Mean();
        public void ScoreItems(int user, Span<float> scores) => scores.Fill(Predict(user, 0));
    }

    // Location (Home 0, Cinema 1) × Time (Weekday 0, Weekend 1).
    private static RatingTable Table() => new(
        [0, 1, 2, 3, 4, 0, 1, 2, 3],
        [0, 0, 1, 1, 2, 2, 3, 3, 0],
        [5, 4, 5, 4, 1, 2, 1, 2, 3],
        new long[9],
        [[1, 1, 1, 1, 0, 0, 0, 0, 0], [0, 1, 0, 1, 0, 1, 0, 0, 1]]);

    [Fact]
    public void PreFilterTrainsOnTheExactSegmentAndFallsBackWhenThin()
    {
        int fits = 0;
        var pre = new ExactPreFilter(Table(), t => { fits++; return new MeanModel(t); }, minRatings: 3);
        var cinema = (MeanModel)pre.ModelFor([1, ExactPreFilter.Any], out bool filtered, out int size);
        Assert.True(filtered);
        Assert.Equal(4, size);
        Approx.AssertClose(4.5, pre.Predict(0, 0, [1, ExactPreFilter.Any]), 1e-6, 0, "mean of the Cinema ratings");
        Approx.AssertClose(1.8, pre.Predict(0, 0, [0, ExactPreFilter.Any]), 1e-6, 0, "mean of the Home ratings");
        var thin = pre.ModelFor([1, 1], out bool thinFiltered, out int thinSize);   // Cinema ∧ Weekend: 2 ratings
        Assert.False(thinFiltered);
        Assert.Equal(2, thinSize);
        Assert.Equal(9, ((MeanModel)thin).Trained.Count);
        pre.ModelFor([1, ExactPreFilter.Any], out _, out _);
        Assert.Equal(3, fits);   // Cinema, Home, the fallback; the repeated Cinema request is cached
        Assert.Throws<ArgumentException>(() => pre.ModelFor([1], out _, out _));
    }

    [Fact]
    public void RelevanceIsTheSmoothedItemContextFrequency()
    {
        var rel = new ContextualRelevance(Table(), 4, smoothing: 2);
        // Item 0 has 3 ratings, 2 at the Cinema; 4 of 9 ratings overall are at the Cinema.
        Approx.AssertClose((2 + 2 * 4.0 / 9) / (3 + 2), rel.Probability(0, [1, ExactPreFilter.Any]), 1e-12, 0, "P(Cinema | item 0)");
        var raw = new ContextualRelevance(Table(), 4, smoothing: 0);
        Approx.AssertClose(0, raw.Probability(2, [1, ExactPreFilter.Any]), 0, 0, "item 2 never at the Cinema");
        Approx.AssertClose(1, raw.Probability(1, [1, ExactPreFilter.Any]), 0, 0, "item 1 only at the Cinema");
        Approx.AssertClose(0.5, raw.Probability(1, [1, 1]), 0, 0, "item 1: Cinema ∧ Weekend");
    }

    [Fact]
    public void RelevanceAndPreFilterLeaveUnknownConditionsOut()
    {
        const int U = ContextCondition.Unknown;
        // Location (dimension 0) × Time (dimension 1). Item 0: Cinema, Cinema, Home and two ratings whose
        // Location was not recorded; item 1: Home at the Weekend, and Cinema at an unrecorded Time.
        var table = new RatingTable([0, 1, 2, 3, 4, 0, 1], [0, 0, 0, 0, 0, 1, 1], [5, 5, 1, 3, 3, 2, 4], new long[7],
            [[1, 1, 0, U, U, 0, 1], [0, 1, 0, 1, 0, 1, U]]);
        var raw = new ContextualRelevance(table, 2, smoothing: 0);
        Approx.AssertClose(2 / 3.0, raw.Probability(0, [1, ExactPreFilter.Any]), 1e-12, 0, "P(Cinema | item 0) over its 3 known Locations");
        Approx.AssertClose(1 / 2.0, raw.Probability(1, [1, ExactPreFilter.Any]), 0, 0, "item 1: Time open, both ratings count");
        Approx.AssertClose(0, raw.Probability(1, [1, 1]), 0, 0, "item 1 at the Cinema at the Weekend: only the Home rating has a known Time");
        Approx.AssertClose(1, raw.Probability(1, [ExactPreFilter.Any, 1]), 0, 0, "item 1 at the Weekend, over its one known Time");
        var smoothed = new ContextualRelevance(table, 2, smoothing: 3);
        // 3 of the 5 ratings with a known Location are at the Cinema: P(Cinema) = 3/5.
        Approx.AssertClose((2 + 3 * 0.6) / (3 + 3), smoothed.Probability(0, [1, ExactPreFilter.Any]), 1e-12, 0, "smoothed towards P(Cinema) over known Locations");

        var pre = new ExactPreFilter(table, t => new MeanModel(t), minRatings: 1);
        Assert.Equal(3, ((MeanModel)pre.ModelFor([1, ExactPreFilter.Any], out _, out _)).Trained.Count);
        Assert.Equal(1, ((MeanModel)pre.ModelFor([1, 1], out _, out _)).Trained.Count);
        Assert.Equal(7, ((MeanModel)pre.ModelFor([ExactPreFilter.Any, ExactPreFilter.Any], out _, out _)).Trained.Count);
    }

    [Fact]
    public void PostFilterDropsIrrelevantItemsAndWeightsScores()
    {
        var rel = new ContextualRelevance(Table(), 4, smoothing: 0);
        int[] cinema = [1, ExactPreFilter.Any];
        Assert.Equal(new[] { 1, 0 }, PostFilter.Filter([3, 1, 2, 0], rel, 0, cinema, 0.5));
        float[] scores = [4, 4, 4, 2];
        PostFilter.Weight(scores, rel, 0, cinema);
        Approx.AssertClose(4 * 2 / 3.0, scores[0], 1e-6, 0, "item 0");
        Approx.AssertClose(4, scores[1], 1e-6, 0, "item 1");
        Approx.AssertClose(0, scores[2], 0, 0, "item 2");
        Approx.AssertClose(0, scores[3], 0, 0, "item 3");
    }

    [Fact]
    public void NeighbourRelevanceCountsNeighboursWhoRatedTheItemInTheContext()
    {
        // Users 0–2 share taste (items 0, 1); user 3 rates only item 2. Context: Location (Home 0, Cinema 1).
        var table = new RatingTable(
            [0, 0, 1, 1, 1, 2, 2, 3],
            [0, 1, 0, 1, 2, 0, 3, 2],
            [5, 4, 5, 4, 3, 4, 2, 5],
            new long[8],
            [[0, 0, 1, 0, 1, 1, 1, 0]]);
        var rel = new NeighbourContextualRelevance(table, 4, 4, k: 2);
        // Cosines with user 0 (items 0:5, 1:4): user 1 (5,4,3) → 41/(√41·√50) ≈ 0.906, user 2 (4, item 3: 2) → 20/(√41·√20) ≈ 0.70, user 3 → 0.
        Assert.Equal(new[] { 1, 2 }, rel.NeighboursOf(0));
        Approx.AssertClose(1.0, rel.Probability(0, 0, [1]), 0, 0, "both neighbours rated item 0 at the Cinema");
        Approx.AssertClose(0.0, rel.Probability(0, 0, [0]), 0, 0, "no neighbour rated item 0 at Home");
        Approx.AssertClose(0.5, rel.Probability(0, 2, [1]), 0, 0, "user 1 rated item 2 at the Cinema");
        Approx.AssertClose(0.5, rel.Probability(0, 3, [ExactPreFilter.Any]), 0, 0, "user 2 rated item 3");
        Assert.Equal(new[] { 3, 0, 2 }, PostFilter.Filter([3, 0, 2], rel, 0, [1], 0.5));
        Assert.Equal(new[] { 0 }, PostFilter.Filter([3, 0, 2], rel, 0, [1], 0.75));
        Assert.Equal(new[] { 1 }, rel.NeighboursOf(3));   // only user 1 shares an item with user 3
    }
}
