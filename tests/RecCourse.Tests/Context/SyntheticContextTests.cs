using RecCourse.Context;
using RecCourse.Data;
using Xunit.Abstractions;

namespace RecCourse.Tests.Context;

/// <summary>The CARS methods against the context effects planted in the library's synthetic data set (seed 42).</summary>
public class SyntheticContextTests(ITestOutputHelper output)
{
    private static readonly RecDataset Data = SyntheticMovieLens.Generate(42);

    [Fact]
    public void ItemSplittingFindsThePlantedItemContextEffects()
    {
        var truth = Data.Truth!;
        var planted = truth.ContextEffects.Where(e => e.Genre is null).ToArray();
        Assert.NotEmpty(planted);
        var anyEffect = truth.ContextEffects.SelectMany(e => e.Items).ToHashSet();

        // Found: split on the planted dimension and condition, with t of the planted sign. On a dimension with
        // more than two conditions (Companion), "another condition vs the rest" with the opposite sign
        // separates the same contrast and can win the largest-|t| rule by chance (seen for one Partner −1 item).
        bool Matches(ContextEffect e, SplitDecision d) =>
            d.Dimension == e.DimensionIndex &&
            (d.Condition == e.ConditionIndex ? Math.Sign(d.T) == Math.Sign(e.Delta)
             : Data.Context!.Conditions[e.DimensionIndex].Length > 2 && Math.Sign(d.T) == -Math.Sign(e.Delta));
        int Found(ContextSplitResult result) => planted.Sum(e => e.Items.Count(i =>
            result.DecisionFor(i) is { } d && Matches(e, d)));
        int total = planted.Sum(e => e.Items.Length);

        var loose = ContextSplitter.SplitItems(Data);
        var strict = ContextSplitter.SplitItems(Data, alpha: 1e-4);
        int spuriousStrict = strict.Splits.Count(s => !anyEffect.Contains(s.Original));
        output.WriteLine($"α = 0.05: {Found(loose)}/{total} planted item effects found, {loose.Splits.Count} splits ({loose.Splits.Count(s => !anyEffect.Contains(s.Original))} on items without any effect)");
        output.WriteLine($"α = 1e-4: {Found(strict)}/{total} found, {strict.Splits.Count} splits ({spuriousStrict} on items without any effect)");
        // Every planted item effect is found, on the planted dimension and contrast (sign checked in Matches).
        Assert.Equal(total, Found(loose));
        int exact = planted.Sum(e => e.Items.Count(i => loose.DecisionFor(i) is { } d && d.Dimension == e.DimensionIndex && d.Condition == e.ConditionIndex));
        Assert.True(exact >= total - 1, $"only {exact} of {total} splits are on the planted condition itself");
        // At α = 0.05 the ~1700 items × 7 tests bring chance splits; a strict α keeps mostly real ones.
        Assert.True(Found(strict) >= total - 2, $"α = 1e-4 found {Found(strict)} of {total}");
        Assert.True(spuriousStrict <= 0.15 * strict.Splits.Count, $"{spuriousStrict} of {strict.Splits.Count} strict splits are on items without any effect");
    }

    [Fact]
    public void CamfAndStrictItemSplittingBeatMfOnHeldOutRatings()
    {
        var (train, test) = Splits.RandomHoldout(Data.Ratings, 0.2, 7);
        double Rmse(Func<int, double> p) => Math.Sqrt(Enumerable.Range(0, test.Count).Average(r => Math.Pow(p(r) - test.Values[r], 2)));
        var sgd = new SgdOptions();   // defaults: d = 10, 40 epochs, lr 0.02 × 0.95/epoch, L2 0.05, context shrinkage 50
        var mf = new BiasedMf(Data.NumUsers, Data.NumItems, sgd).Fit(train);
        double mfRmse = Rmse(r => mf.PredictRating(test.Users[r], test.Items[r]));
        var ci = new Camf(Data.NumUsers, Data.NumItems, Data.Context!, CamfVariant.CI, sgd, keepBaselineBiases: true).Fit(train);
        double ciRmse = Rmse(r => ci.Predict(test, r));
        var c = new Camf(Data.NumUsers, Data.NumItems, Data.Context!, CamfVariant.C, sgd).Fit(train);
        double cRmse = Rmse(r => c.Predict(test, r));
        output.WriteLine($"held-out RMSE: MF {mfRmse:F4}, CAMF_C {cRmse:F4}, CAMF_CI (with b_i) {ciRmse:F4}");
        Assert.True(ciRmse < mfRmse - 0.002, $"CAMF_CI {ciRmse:F4} vs MF {mfRmse:F4}");

        // Item splitting (on the training ratings only) then the same MF on the split items: with a
        // strict α it helps; at α = 0.05 hundreds of chance splits halve the data of those items and hurt.
        var splitRmse = new Dictionary<double, double>();
        foreach (double alpha in new[] { 0.05, 1e-4 })
        {
            var split = ContextSplitter.SplitItems(Data.WithRatings(train), alpha);
            var splitMf = new BiasedMf(split.Dataset.NumUsers, split.Dataset.NumItems, sgd).Fit(split.Dataset.Ratings);
            var ctx = test.Context!;
            splitRmse[alpha] = Rmse(r => splitMf.PredictRating(test.Users[r], split.Map(test.Items[r], [ctx[0][r], ctx[1][r], ctx[2][r]])));
            output.WriteLine($"item splitting (α = {alpha}, {split.Splits.Count} splits) + MF: {splitRmse[alpha]:F4}");
        }
        Assert.True(splitRmse[1e-4] < mfRmse, $"item splitting at α = 1e-4 + MF {splitRmse[1e-4]:F4} vs MF {mfRmse:F4}");
        Assert.True(cRmse < mfRmse, $"CAMF_C {cRmse:F4} vs MF {mfRmse:F4}");
    }
}
