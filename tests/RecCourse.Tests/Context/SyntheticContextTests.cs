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

        int Found(ContextSplitResult result) => planted.Sum(e => e.Items.Count(i =>
            result.DecisionFor(i) is { } d && d.Dimension == e.DimensionIndex && d.Condition == e.ConditionIndex));
        int total = planted.Sum(e => e.Items.Length);

        var loose = ContextSplitter.SplitItems(Data);
        var strict = ContextSplitter.SplitItems(Data, alpha: 1e-4);
        int spuriousStrict = strict.Splits.Count(s => !anyEffect.Contains(s.Original));
        output.WriteLine($"α = 0.05: {Found(loose)}/{total} planted item effects found, {loose.Splits.Count} splits ({loose.Splits.Count(s => !anyEffect.Contains(s.Original))} on items without any effect)");
        output.WriteLine($"α = 1e-4: {Found(strict)}/{total} found, {strict.Splits.Count} splits ({spuriousStrict} on items without any effect)");
        // Every planted item effect is found, on the planted dimension and condition (t > 0 for +1, < 0 for −1).
        Assert.Equal(total, Found(loose));
        foreach (var e in planted)
            foreach (int i in e.Items) Assert.Equal(Math.Sign(e.Delta), Math.Sign(loose.DecisionFor(i)!.T));
        // At α = 0.05 the ~1700 items × 7 tests bring chance splits; a strict α keeps mostly real ones.
        Assert.True(Found(strict) >= total - 2, $"α = 1e-4 found {Found(strict)} of {total}");
        Assert.True(spuriousStrict <= 0.15 * strict.Splits.Count, $"{spuriousStrict} of {strict.Splits.Count} strict splits are on items without any effect");
    }

    [Fact]
    public void CamfBeatsMfOnHeldOutRatings()
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
        Assert.True(cRmse < mfRmse, $"CAMF_C {cRmse:F4} vs MF {mfRmse:F4}");
    }
}
