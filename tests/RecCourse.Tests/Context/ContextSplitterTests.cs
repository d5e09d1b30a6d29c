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

    [Fact]
    public void UnknownConditionsTakeNoPartInTheTestsAndStayWithTheRest()
    {
        const int U = ContextCondition.Unknown;
        var rng = new Random(12);
        var users = new List<int>(); var items = new List<int>(); var values = new List<float>(); var time = new List<int>();
        void Add(int item, int condition, double mean)
        {
            users.Add(users.Count); items.Add(item); values.Add((float)(mean + 0.3 * (rng.NextDouble() - 0.5))); time.Add(condition);
        }
        // Item 0: the same mean on Weekdays and Weekends, much higher where Time was not recorded.
        for (int k = 0; k < 8; k++) { Add(0, 0, 3); Add(0, 1, 3); Add(0, U, 5); }
        // Item 1: a real Weekend effect, plus unknown ratings at the Weekday level.
        for (int k = 0; k < 8; k++) { Add(1, 0, 2); Add(1, 1, 4); Add(1, U, 2); }
        var userIds = new RecCourse.Data.IdIndex(); foreach (int u in users) userIds.GetOrAdd($"u{u}");
        var itemIds = new RecCourse.Data.IdIndex(); itemIds.GetOrAdd("i0"); itemIds.GetOrAdd("i1");
        var data = new RecCourse.Data.RecDataset
        {
            Name = "unknowns", Format = "test",
            Ratings = new RecCourse.Data.RatingTable(users.ToArray(), items.ToArray(), values.ToArray(), new long[users.Count], [time.ToArray()]),
            UserIds = userIds, ItemIds = itemIds, Items = [new("i0", null, []), new("i1", null, [])],
            Context = new RecCourse.Data.ContextSchema(["Time"], [["Weekday", "Weekend"]]),
        };
        var result = ContextSplitter.SplitItems(data, alpha: 0.01);
        Assert.Null(result.DecisionFor(0));   // counting the unknown ratings as "not Weekend" would split it
        var s = Assert.Single(result.Splits);
        Assert.Equal((1, 0, 1), (s.Original, s.Dimension, s.Condition));
        Assert.Equal((8, 8), (s.CountIn, s.CountOut));
        for (int r = 0; r < data.Ratings.Count; r++)
            if (items[r] == 1) Assert.Equal(time[r] == 1 ? s.InIndex : s.OutIndex, result.Dataset.Ratings.Items[r]);
        Assert.Equal(s.OutIndex, result.Map(1, [U]));
        Assert.Equal(s.InIndex, result.Map(1, [1]));
    }

    [Fact]
    public void UiSplittingSplitsItemsAndUsersOfTheSameRatings()
    {
        int[] cinemaItems = [3, 11], weekendUsers = [2, 9];
        double Effect(int u, int i, int[] c) => (cinemaItems.Contains(i) && c[1] == CarsTestData.Cinema ? 1.5 : 0) + (weekendUsers.Contains(u) && c[0] == 1 ? 1.5 : 0);
        var data = CarsTestData.Generate(60, 100, 0.6, 13, Effect);
        var ui = ContextSplitter.SplitUsersAndItems(data, alpha: 1e-4);
        Assert.Equal(cinemaItems, ui.Items.Splits.Select(s => s.Original).ToArray());
        Assert.Equal(weekendUsers, ui.Users.Splits.Select(s => s.Original).ToArray());
        var split = ui.Dataset;
        Assert.Equal((62, 102), (split.NumUsers, split.NumItems));
        Assert.Equal(data.Ratings.Values, split.Ratings.Values);
        var ctx = data.Ratings.Context!;
        for (int r = 0; r < data.Ratings.Count; r++)
        {
            int u = data.Ratings.Users[r], i = data.Ratings.Items[r];
            int[] c = [ctx[0][r], ctx[1][r], ctx[2][r]];
            int expectedUser = weekendUsers.Contains(u) && c[0] == 1 ? 60 + Array.IndexOf(weekendUsers, u) : u;
            int expectedItem = cinemaItems.Contains(i) && c[1] == CarsTestData.Cinema ? 100 + Array.IndexOf(cinemaItems, i) : i;
            Assert.Equal((expectedUser, expectedItem), (split.Ratings.Users[r], split.Ratings.Items[r]));
            Assert.Equal((expectedUser, expectedItem), ui.Map(u, i, c));
        }
        Assert.Equal("u2@Time=Weekend", split.UserIds.IdAt(60));
        Assert.Equal("i11@Location=Cinema", split.ItemIds.IdAt(101));
        Assert.Contains("UI splitting", split.Name);
    }

    [Fact]
    public void UiSplittingBeatsEitherSideAloneWhenBothKindsOfEffectArePlanted()
    {
        int[] cinemaItems = [1, 4, 7, 10], weekendUsers = [0, 3, 6, 9, 12];
        double Effect(int u, int i, int[] c) => (cinemaItems.Contains(i) && c[1] == CarsTestData.Cinema ? 1.5 : 0) + (weekendUsers.Contains(u) && c[0] == 1 ? 1.5 : 0);
        var data = CarsTestData.Generate(80, 60, 0.6, 14, Effect);
        var (train, test) = CarsTestData.Split(data.Ratings, 15);
        var trainData = data.WithRatings(train, "train");
        var sgd = new SgdOptions { Factors = 2, Epochs = 30 };
        double Rmse(Func<int, double> predict) => Math.Sqrt(Enumerable.Range(0, test.Count).Average(r => Math.Pow(predict(r) - test.Values[r], 2)));
        int[] C(int r) => [test.Context![0][r], test.Context[1][r], test.Context[2][r]];
        var itemSplit = ContextSplitter.SplitItems(trainData, 1e-3);
        var userSplit = ContextSplitter.SplitUsers(trainData, 1e-3);
        var ui = ContextSplitter.SplitUsersAndItems(trainData, 1e-3);
        var itemMf = new BiasedMf(itemSplit.Dataset.NumUsers, itemSplit.Dataset.NumItems, sgd).Fit(itemSplit.Dataset.Ratings);
        var userMf = new BiasedMf(userSplit.Dataset.NumUsers, userSplit.Dataset.NumItems, sgd).Fit(userSplit.Dataset.Ratings);
        var uiMf = new BiasedMf(ui.Dataset.NumUsers, ui.Dataset.NumItems, sgd).Fit(ui.Dataset.Ratings);
        double item = Rmse(r => itemMf.PredictRating(test.Users[r], itemSplit.Map(test.Items[r], C(r))));
        double user = Rmse(r => userMf.PredictRating(userSplit.Map(test.Users[r], C(r)), test.Items[r]));
        double both = Rmse(r => { var (u, i) = ui.Map(test.Users[r], test.Items[r], C(r)); return uiMf.PredictRating(u, i); });
        Assert.True(both < item - 0.02 && both < user - 0.02, $"held-out RMSE: UI {both:F4}, item splitting {item:F4}, user splitting {user:F4}");
    }

    [Fact]
    public void UiSplittingChecksItsArguments()
    {
        var data = CarsTestData.Generate(10, 10, 0.5, 16, (_, _, _) => 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => ContextSplitter.SplitUsersAndItems(data, alpha: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContextSplitter.SplitUsersAndItems(data, minPerSide: 1));
        var noContext = new RecCourse.Data.RecDataset
        {
            Name = "flat", Format = "test", Ratings = new RecCourse.Data.RatingTable([0], [0], [3f], [0]),
            UserIds = data.UserIds, ItemIds = data.ItemIds, Items = data.Items,
        };
        Assert.Contains("flat", Assert.Throws<ArgumentException>(() => ContextSplitter.SplitUsersAndItems(noContext)).Message);
    }

    [Fact]
    public void ShufflingContextsWithinItemsKeepsEachItemsContextsAndRemovesItsEffect()
    {
        var data = CarsTestData.Generate(150, 30, 0.5, 1, CinemaBoost);
        var ctx = data.Ratings.Context!;
        var shuffled = ContextPermutation.Shuffle(data.Ratings, SplitTarget.Items, seed: 3);
        Assert.Equal(data.Ratings.Values, shuffled.Values);
        Assert.Equal(data.Ratings.Items, shuffled.Items);
        string Tuple(int[][] c, int r) => $"{c[0][r]},{c[1][r]},{c[2][r]}";
        for (int i = 0; i < 30; i++)
        {
            var rows = Enumerable.Range(0, data.Ratings.Count).Where(r => data.Ratings.Items[r] == i).ToArray();
            Assert.Equal(rows.Select(r => Tuple(ctx, r)).Order(), rows.Select(r => Tuple(shuffled.Context!, r)).Order());
        }
        Assert.True(Enumerable.Range(0, data.Ratings.Count).Count(r => Tuple(ctx, r) != Tuple(shuffled.Context!, r)) > data.Ratings.Count / 2, "most rows got another context");
        var real = ContextSplitter.SplitItems(data, alpha: 0.001);
        var chance = ContextSplitter.SplitItems(data.WithRatings(shuffled, "shuffled"), alpha: 0.001);
        Assert.Equal(Planted.Length, real.Splits.Count);
        Assert.True(chance.Splits.Count <= 1, $"{chance.Splits.Count} splits after shuffling");
        var byUser = ContextPermutation.Shuffle(data.Ratings, SplitTarget.Users, seed: 3);
        for (int u = 0; u < 150; u += 37)
        {
            var rows = Enumerable.Range(0, data.Ratings.Count).Where(r => data.Ratings.Users[r] == u).ToArray();
            Assert.Equal(rows.Select(r => Tuple(ctx, r)).Order(), rows.Select(r => Tuple(byUser.Context!, r)).Order());
        }
        Assert.Equal(ContextPermutation.Shuffle(data.Ratings, SplitTarget.Items, 3).Context![1], shuffled.Context![1]);
    }

    [Fact]
    public void ShufflingAcrossAllRatingsKeepsTheContextCountsAndBreaksTheItemLink()
    {
        // Items 0–9 are only ever seen at the Cinema, items 10–19 only at Home.
        var data = CarsTestData.Generate(80, 20, 0.8, 17, (_, _, _) => 0);
        var ctx = data.Ratings.Context!;
        var location = data.Ratings.Items.Select(i => i < 10 ? CarsTestData.Cinema : 0).ToArray();
        var linked = new RecCourse.Data.RatingTable(data.Ratings.Users, data.Ratings.Items, data.Ratings.Values, data.Ratings.Timestamps, [ctx[0], location, ctx[2]]);
        var shuffled = ContextPermutation.ShuffleAll(linked, seed: 5);
        Assert.Equal(location.Count(c => c == CarsTestData.Cinema), shuffled.Context![1].Count(c => c == CarsTestData.Cinema));
        var before = new ContextualRelevance(linked, 20, smoothing: 0);
        var after = new ContextualRelevance(shuffled, 20, smoothing: 0);
        int[] cinema = [ExactPreFilter.Any, CarsTestData.Cinema, ExactPreFilter.Any];
        Assert.Equal(1.0, before.Probability(0, cinema));
        Assert.Equal(0.0, before.Probability(15, cinema));
        for (int i = 0; i < 20; i++) Assert.InRange(after.Probability(i, cinema), 0.2, 0.8);
    }
}
