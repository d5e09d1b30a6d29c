// Hidden tests of 06_context_aware.ipynb: run by `reccourse grade` after the student's cells, in their state.
static RatingTable CtxTable(int[] users, int[] items, float[] values, int[][] context) =>
    new(users, items, values, new long[users.Length], context);

//# Exercise 6.1
{
    // Two dimensions (2 and 3 conditions), 8 ratings; values number the rows so order is visible.
    var t = CtxTable([0, 1, 2, 3, 4, 5, 6, 7], [0, 0, 1, 1, 2, 2, 3, 3], [1, 2, 3, 4, 5, 1, 2, 3],
        [[0, 1, 1, 0, 1, 1, 0, 1], [2, 2, 0, 1, 2, 0, 2, 2]]);
    var both = ExactSegment(t, [1, 2]);
    Check.Equal("6.1", "1,4,7", string.Join(",", both.Users), "users of the rows in condition (1, 2), in order");
    Check.Equal("6.1", "2,5,3", string.Join(",", both.Values), "values kept with their rows");
    Check.Equal("6.1", 3, both.Context?[1].Count(c => c == 2) ?? -1, "context columns kept");
    var any = ExactSegment(t, [ExactPreFilter.Any, 0]);
    Check.Equal("6.1", "2,5", string.Join(",", any.Users), "Any (−1) in dimension 0");
    Check.Equal("6.1", 8, ExactSegment(t, [ExactPreFilter.Any, ExactPreFilter.Any]).Count, "Any everywhere keeps all");
    Check.Equal("6.1", 0, ExactSegment(t, [0, 0]).Count, "an empty segment");
}

//# Exercise 6.2
{
    var rng = new Random(2024);
    foreach (var (na, nb) in new[] { (2, 2), (3, 9), (12, 5), (40, 41), (7, 100) })
    {
        double[] a = [.. Enumerable.Range(0, na).Select(_ => 3 + 2 * rng.NextDouble())];
        double[] b = [.. Enumerable.Range(0, nb).Select(_ => 2.5 + 0.5 * rng.NextDouble())];
        var r = WelchTTest.Test(a, b);
        Check.Close("6.2", r.T, WelchT(a, b), 1e-9 * Math.Max(1, Math.Abs(r.T)), $"t for n = ({na}, {nb})");
        Check.Close("6.2", -r.T, WelchT(b, a), 1e-9 * Math.Max(1, Math.Abs(r.T)), $"t is antisymmetric for n = ({na}, {nb})");
    }
    // Hand value: means 2 and 5, variances 1 and 4, n = 3 and 3 → t = −3 / √(1/3 + 4/3) = −2.32379…
    Check.Close("6.2", -3 / Math.Sqrt(5.0 / 3), WelchT([1, 2, 3], [3, 5, 7]), 1e-12, "hand example");
}

//# Exercise 6.3
{
    float[] scores = [5, 4, 3, 2, 1];
    double[] rel = [0.1, 0.5, 0.9, 0.5, 0.6];
    Check.Equal("6.3", "2,1,3", string.Join(",", PostFilterTopK(scores, rel, 0.5, 3)), "filter at 0.5 then weight");
    Check.Equal("6.3", "2,1,3,4", string.Join(",", PostFilterTopK(scores, rel, 0.5, 10)), "k larger than what survives the filter");
    Check.Equal("6.3", "2,1,3,4,0", string.Join(",", PostFilterTopK(scores, rel, 0.0, 5)), "threshold 0 keeps all, in weighted order");
    Check.Equal("6.3", "1,3", string.Join(",", PostFilterTopK([1, 2, 0, 2], [0.5, 0.5, 0.5, 0.5], 0.5, 2)), "ties: lower index first");
    Check.Equal("6.3", "", string.Join(",", PostFilterTopK(scores, rel, 0.95, 3)), "nothing relevant enough");
}

//# Exercise 6.4
{
    var small = SyntheticMovieLens.Generate(new SyntheticOptions { Seed = 3, NumUsers = 120, NumItems = 200, NumRatings = 6000, MinRatingsPerUser = 10 });
    var m = new Camf(small.NumUsers, small.NumItems, small.Context!, CamfVariant.CI, new SgdOptions { Factors = 3, Epochs = 5, Seed = 9 }, keepBaselineBiases: true)
        .Fit(small.Ratings);
    var rt = small.Ratings;
    bool ok = true;
    for (int r = 0; r < rt.Count && ok; r += 97)
    {
        int[] c = [rt.Context![0][r], rt.Context[1][r], rt.Context[2][r]];
        ok = Check.Close("6.4", m.Predict(rt.Users[r], rt.Items[r], c), CamfCiPredict(m, rt.Users[r], rt.Items[r], c), 1e-9, $"rating row {r} of another model (d = 3)");
    }
}

//# Exercise 6.5
{
    var other = SyntheticMovieLens.Generate(new SyntheticOptions { Seed = 7, NumUsers = 500, NumItems = 800, NumRatings = 50_000 });
    var (tr, te) = Splits.RandomHoldout(other.Ratings, 0.2, 11);
    double R(Func<int, double> p) => Math.Sqrt(Enumerable.Range(0, te.Count).Average(r => Math.Pow(p(r) - te.Values[r], 2)));
    var baseline = new BiasedMf(other.NumUsers, other.NumItems, new SgdOptions()).Fit(tr);
    double mfR = R(r => baseline.PredictRating(te.Users[r], te.Items[r]));
    var model = TrainContextModel(other, tr, 40);
    Check.That("6.5", model.NumUsers == other.NumUsers && model.NumItems == other.NumItems, "the model is sized for the data set it was given");
    Check.AtMost("6.5", R(r => model.Predict(te, r)), mfR - 0.002, "held-out RMSE on another synthetic set (its MF − 0.002)");
}
