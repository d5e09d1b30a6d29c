using RecCourse.Data;
using RecCourse.Fairness;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Fairness;

public class PopularityTests
{
    private static RatingTable Table(params (int U, int I)[] pairs) =>
        new(pairs.Select(p => p.U).ToArray(), pairs.Select(p => p.I).ToArray(), pairs.Select(_ => 4f).ToArray(), new long[pairs.Length]);

    [Fact]
    public void ItemPopularity_CountsAndHeadSplit()
    {
        // Item 2 rated 3×, item 0 2×, item 4 once; 10 items, head = 20 % = 2 items.
        var t = Table((0, 2), (1, 2), (2, 2), (0, 0), (1, 0), (0, 4));
        var pop = ItemPopularity.FromRatings(t, 10);
        Assert.Equal(3, pop.Counts[2]);
        Assert.Equal(2, pop.HeadCount);
        Assert.False(pop.IsLongTail[2]);
        Assert.False(pop.IsLongTail[0]);
        Assert.True(pop.IsLongTail[4]);
        Assert.Equal("head", pop.GroupOf(0));
    }

    [Fact]
    public void Measure_MatchesHandComputation()
    {
        var pop = ItemPopularity.FromRatings(Table((0, 0), (1, 0), (2, 0), (0, 1)), 5);  // counts 3,1,0,0,0; head = {0}
        int[][] lists = [[0, 1], [0, 2]];
        var m = PopularityBias.Measure(lists, pop);
        Approx.AssertClose(((3 + 1) / 2.0 + (3 + 0) / 2.0) / 2, m.Arp, 1e-12, 0, "ARP");
        Approx.AssertClose(0.5, m.Aplt, 1e-12, 0, "APLT");
        Approx.AssertClose(3 / 5.0, m.Coverage, 1e-12, 0, "coverage");
        // Frequencies over 5 items: 2,1,1,0,0 → sorted 0,0,1,1,2; Gini = Σ(2k−n−1)x_k / (n Σx) = (−1·1 + 1·1 + 4·2... computed below.
        double[] f = [0, 0, 1, 1, 2];
        double g = 0;
        for (int k = 0; k < 5; k++) g += (2 * (k + 1) - 5 - 1) * f[k];
        Approx.AssertClose(g / (5 * 4), m.Gini, 1e-12, 0, "Gini");
    }

    /// <summary>
    /// 80 items scored by index (lower = better). Users 1 and 2 rated items 0–19, user 0 rated head items
    /// 0–3 and tail items 60–63, so the head (25 % = 20 items) is 0–19 and half of user 0's profile is tail.
    /// </summary>
    private static (MatrixRecommender Model, RatingTable Train, ItemPopularity Pop) HeadLovingModel()
    {
        int ni = 80;
        var s = new float[3, ni];
        for (int u = 0; u < 3; u++) for (int i = 0; i < ni; i++) s[u, i] = ni - i;
        var pairs = new List<(int, int)>();
        for (int i = 0; i < 20; i++) { pairs.Add((1, i)); pairs.Add((2, i)); }
        pairs.AddRange(new[] { 0, 1, 2, 3, 60, 61, 62, 63 }.Select(i => (0, i)));
        var train = Table([.. pairs]);
        return (new MatrixRecommender(s), train, ItemPopularity.FromRatings(train, ni, headItemShare: 0.25));
    }

    [Fact]
    public void Reranking_LambdaZero_IsTheModelsTopK()
    {
        var (model, train, pop) = HeadLovingModel();
        var plain = RecommendationLists.TopK(model, 5, train);
        foreach (var method in new[] { PopularityReranker.Penalty, PopularityReranker.XQuad })
            Assert.Equal(plain, PopularityReranking.TopK(model, train, pop, 5, 0, method, candidates: 30));
    }

    [Fact]
    public void XQuad_MovesListsTowardsTheUsersTailShare()
    {
        var (model, train, pop) = HeadLovingModel();
        var before = PopularityReranking.TopK(model, train, pop, 10, 0, PopularityReranker.XQuad, candidates: 32);
        var after = PopularityReranking.TopK(model, train, pop, 10, 0.9, PopularityReranker.XQuad, candidates: 32);
        int TailCount(int[] l) => l.Count(i => pop.IsLongTail[i]);
        // User 0's profile is 4 of 8 items in the tail: the model's list is all head, the re-ranked one about half tail.
        Assert.Equal(0, TailCount(before[0]));
        Assert.InRange(TailCount(after[0]), 4, 6);
        Assert.True(TailCount(after[0]) > TailCount(before[0]));
        Assert.True(PopularityBias.Measure(after, pop).Aplt > PopularityBias.Measure(before, pop).Aplt);
    }

    [Fact]
    public void Penalty_LargeLambda_PrefersUnpopularCandidates()
    {
        var (model, train, pop) = HeadLovingModel();
        var after = PopularityReranking.TopK(model, train, pop, 5, 10, PopularityReranker.Penalty, candidates: 32);
        Assert.All(after[0], i => Assert.Equal(0, pop.Counts[i]));
    }

    [Fact]
    public void Tradeoff_ReturnsOneRowPerLambda_AccuracyFromTest()
    {
        var (model, train, pop) = HeadLovingModel();
        // User 0 likes items 4 and 5, the model's best unseen items (popular ones).
        var test = new RatingTable([0, 0], [4, 5], [5f, 5f], new long[2]);
        var rows = PopularityBias.Tradeoff(model, train, test, [0, 10], PopularityReranker.Penalty, k: 2, candidates: 30, popularity: pop);
        Assert.Equal(2, rows.Count);
        Approx.AssertClose(1.0, rows[0].Ndcg, 1e-12, 0);
        Assert.True(rows[1].Ndcg < rows[0].Ndcg);
        Assert.True(rows[1].Arp < rows[0].Arp);
    }
}
