using RecCourse.Data;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Data;

public class NegativeSamplerTests
{
    // 2 users, 6 items; user 0 likes items 0, 1; user 1 likes 0, 2, 3, 4, 5 (only item 1 is a negative).
    private static readonly UserItemIndex Positives = UserItemIndex.Build(
        new RatingTable([0, 0, 1, 1, 1, 1, 1], [0, 1, 0, 2, 3, 4, 5], [1, 1, 1, 1, 1, 1, 1], new long[7]), 2, 6);

    [Fact]
    public void Uniform_never_returns_a_positive_and_is_uniform_over_the_rest()
    {
        var s = new NegativeSampler(Positives, NegativeSampling.Uniform, seed: 1);
        var counts = new int[6];
        var buffer = new int[1000];
        for (int rep = 0; rep < 40; rep++) { s.Sample(0, buffer); foreach (int i in buffer) counts[i]++; }
        Assert.Equal(0, counts[0]); Assert.Equal(0, counts[1]);
        for (int i = 2; i < 6; i++) Approx.AssertClose(0.25, counts[i] / 40_000.0, 0, 0.015, $"item {i}");
        for (int k = 0; k < 100; k++) Assert.Equal(1, s.Sample(1));
        Approx.AssertClose(1.0 / 6, s.Probability(3), 1e-12, 0);
    }

    [Fact]
    public void Popularity_draws_follow_the_counts()
    {
        // Counts: item 0 → 2, items 1…5 → 1: the proposal is 2/7, 1/7, …
        var s = new NegativeSampler(Positives, NegativeSampling.Popularity, popularityExponent: 1.0, seed: 2);
        Approx.AssertClose(2.0 / 7, s.Probability(0), 1e-12, 0);
        var counts = new int[6];
        const int n = 70_000;
        for (int k = 0; k < n; k++) counts[s.SampleAny()]++;
        for (int i = 0; i < 6; i++) Approx.AssertClose(s.Probability(i), counts[i] / (double)n, 0, 0.01, $"item {i}");
        // Excluding user 0's positives renormalises over items 2…5 equally (each count 1).
        Array.Clear(counts);
        for (int k = 0; k < 20_000; k++) counts[s.Sample(0)]++;
        Assert.Equal(0, counts[0] + counts[1]);
        for (int i = 2; i < 6; i++) Approx.AssertClose(0.25, counts[i] / 20_000.0, 0, 0.02, $"item {i}");
    }

    [Fact]
    public void Skewed_popularity_matches_the_alias_table_on_many_items()
    {
        var counts = Enumerable.Range(0, 50).Select(i => 1 + (int)(200 / (i + 1.0))).ToArray();
        var s = new NegativeSampler(UserItemIndex.Build(new RatingTable([], [], [], []), 1, 50), NegativeSampling.Popularity, 0.75, seed: 5, itemCounts: counts);
        double total = counts.Sum(c => Math.Pow(c, 0.75));
        var seen = new int[50];
        const int n = 200_000;
        for (int k = 0; k < n; k++) seen[s.Sample(0)]++;
        for (int i = 0; i < 50; i++)
        {
            double p = Math.Pow(counts[i], 0.75) / total;
            Approx.AssertClose(p, s.Probability(i), 1e-12, 0);
            Approx.AssertClose(p, seen[i] / (double)n, 0, 4 * Math.Sqrt(p / n) + 1e-4, $"item {i}");
        }
    }

    [Fact]
    public void A_user_who_likes_everything_has_no_negative()
    {
        var all = UserItemIndex.Build(new RatingTable([0, 0], [0, 1], [1, 1], [0, 0]), 1, 2);
        var e = Assert.Throws<InvalidOperationException>(() => new NegativeSampler(all).Sample(0));
        Assert.Contains("User 0", e.Message);
    }
}
