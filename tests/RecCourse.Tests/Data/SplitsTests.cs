using RecCourse.Data;

namespace RecCourse.Tests.Data;

public class SplitsTests
{
    private static RatingTable R => SyntheticShared.Data.Ratings;

    private static HashSet<long> Keys(RatingTable t) =>
        [.. Enumerable.Range(0, t.Count).Select(k => ((long)t.Users[k] << 32) | (uint)t.Items[k])];

    private static void AssertPartition(RatingTable all, RatingTable a, RatingTable b)
    {
        Assert.Equal(all.Count, a.Count + b.Count);
        var ka = Keys(a); var kb = Keys(b);
        Assert.Empty(ka.Intersect(kb));
        Assert.True(Keys(all).SetEquals(ka.Union(kb)));
    }

    [Fact]
    public void Random_holdout_is_an_exact_seeded_partition()
    {
        var (train, test) = Splits.RandomHoldout(R, 0.2, seed: 1);
        AssertPartition(R, train, test);
        Assert.Equal(20_000, test.Count);
        var (_, again) = Splits.RandomHoldout(R, 0.2, seed: 1);
        var (_, other) = Splits.RandomHoldout(R, 0.2, seed: 2);
        Assert.Equal(test.Items, again.Items);
        Assert.NotEqual(Keys(test), Keys(other));
        Assert.Throws<ArgumentOutOfRangeException>(() => Splits.RandomHoldout(R, 1.5));
    }

    [Fact]
    public void Stratified_split_gives_every_user_75_percent_in_train()
    {
        var (train, test) = Splits.StratifiedByUser(R, 0.75, seed: 3);
        AssertPartition(R, train, test);
        var all = R.Users.GroupBy(u => u).ToDictionary(g => g.Key, g => g.Count());
        var tr = train.Users.GroupBy(u => u).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (u, n) in all)
            Assert.Equal((int)Math.Round(n * 0.75, MidpointRounding.ToEven), tr[u]);
        Assert.Equal(all.Count, test.Users.Distinct().Count());
    }

    [Fact]
    public void Temporal_split_puts_the_latest_ratings_in_test()
    {
        var (train, test) = Splits.Temporal(R, 0.1);
        AssertPartition(R, train, test);
        Assert.Equal(10_000, test.Count);
        Assert.True(train.Timestamps.Max() <= test.Timestamps.Min());

        var (ptrain, ptest) = Splits.Temporal(R, 0.25, perUser: true);
        AssertPartition(R, ptrain, ptest);
        var lastTrain = new Dictionary<int, long>();
        for (int k = 0; k < ptrain.Count; k++) lastTrain[ptrain.Users[k]] = Math.Max(lastTrain.GetValueOrDefault(ptrain.Users[k], long.MinValue), ptrain.Timestamps[k]);
        for (int k = 0; k < ptest.Count; k++) Assert.True(ptest.Timestamps[k] >= lastTrain[ptest.Users[k]]);
    }

    [Fact]
    public void Leave_last_positive_out_follows_the_reference_rules()
    {
        // user 0: positives (item 5, t 1), (2, t 3), (7, t 3) and a 2-star rating later; user 1: one positive.
        var t = new RatingTable(
            users: [0, 0, 0, 0, 1, 1],
            items: [5, 2, 7, 9, 1, 3],
            values: [4, 5, 4, 2, 5, 1],
            timestamps: [1, 3, 3, 9, 1, 2]);
        var (train, test) = Splits.LeaveLastPositiveOut(t, threshold: 4, minPositives: 2);
        Assert.Equal([0], test.Users);
        Assert.Equal([7], test.Items);          // tie at t = 3 broken by the larger item
        Assert.Equal([0, 0, 1], train.Users);  // negatives dropped; user 1 keeps its only positive in train
        Assert.Equal([5, 2, 1], train.Items);
    }

    [Fact]
    public void Implicit_positives_keep_ratings_at_or_above_the_threshold_as_ones()
    {
        var t = new RatingTable([0, 0, 1], [1, 2, 3], [3.5f, 4f, 5f], [1, 2, 3], [[0, 1, 0]]);
        var p = ImplicitFeedback.Positives(t, 4f);
        Assert.Equal([2, 3], p.Items);
        Assert.Equal([1f, 1f], p.Values);
        Assert.Equal([1, 0], p.Context![0]);
    }

    [Fact]
    public void Dataset_overloads_keep_the_index()
    {
        var d = SyntheticShared.Data;
        var (train, test) = Splits.StratifiedByUser(d);
        Assert.Same(d.ItemIds, test.ItemIds);
        Assert.Same(d.Truth, train.Truth);
        Assert.Equal(d.Ratings.Count, train.Ratings.Count + test.Ratings.Count);
    }
}
