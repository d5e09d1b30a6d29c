using RecCourse.Context;
using RecCourse.Data;
using RecCourse.Tests.TestSupport;
using Xunit.Abstractions;

namespace RecCourse.Tests.Context;

public class CamfTests(ITestOutputHelper output)
{
    // Few ratings per (item, condition) here, so a light count-aware shrinkage.
    private static readonly SgdOptions Sgd = new() { Factors = 4, ContextShrinkage = 5 };

    private static double Rmse(Func<int, double> predict, RatingTable test) =>
        Math.Sqrt(Enumerable.Range(0, test.Count).Average(r => Math.Pow(predict(r) - test.Values[r], 2)));

    private (double Mf, double Camf) Compare(Func<int, int, int[], double> effect, CamfVariant variant, int users = 150, int items = 40)
    {
        var data = CarsTestData.Generate(users, items, 0.5, 4, effect);
        var (train, test) = CarsTestData.Split(data.Ratings, 5);
        var mf = new BiasedMf(data.NumUsers, data.NumItems, Sgd).Fit(train);
        var camf = new Camf(data.NumUsers, data.NumItems, data.Context!, variant, Sgd).Fit(train);
        var result = (Rmse(r => mf.PredictRating(test.Users[r], test.Items[r]), test), Rmse(r => camf.Predict(test, r), test));
        output.WriteLine($"held-out RMSE: MF {result.Item1:F4}, CAMF_{variant} {result.Item2:F4} ({train.Count} train / {test.Count} test ratings)");
        return result;
    }

    [Fact]
    public void CamfCiBeatsMfWhenSomeItemsAreBoostedInAContext()
    {
        int[] planted = [3, 11, 17, 25];
        var (mf, camf) = Compare((_, i, c) => planted.Contains(i) && c[1] == 1 ? 1.5 : 0, CamfVariant.CI);
        Assert.True(camf < mf - 0.02, $"held-out RMSE CAMF_CI {camf:F4} vs MF {mf:F4}");
    }

    [Fact]
    public void CamfCBeatsMfWhenAConditionShiftsEveryRating()
    {
        var (mf, camf) = Compare((_, _, c) => c[2] == 1 ? 0.8 : c[2] == 2 ? -0.4 : 0, CamfVariant.C);
        Assert.True(camf < mf - 0.05, $"held-out RMSE CAMF_C {camf:F4} vs MF {mf:F4}");
    }

    [Fact]
    public void CamfCuBeatsMfWhenSomeUsersReactToAContext()
    {
        var (mf, camf) = Compare((u, _, c) => u % 4 == 0 && c[0] == 1 ? 1.5 : 0, CamfVariant.CU, users: 60, items: 120);
        Assert.True(camf < mf - 0.02, $"held-out RMSE CAMF_CU {camf:F4} vs MF {mf:F4}");
    }

    [Fact]
    public void LearnsTheSignAndSizeOfAGlobalConditionBias()
    {
        var data = CarsTestData.Generate(100, 40, 0.5, 6, (_, _, c) => c[1] == 1 ? 1.0 : 0);
        var camf = new Camf(data.NumUsers, data.NumItems, data.Context!, CamfVariant.C, Sgd).Fit(data.Ratings);
        double gap = camf.ConditionBias[camf.GlobalCondition(1, 1)] - camf.ConditionBias[camf.GlobalCondition(1, 0)];
        Assert.InRange(gap, 0.8, 1.2);
    }

    [Fact]
    public void TrainingErrorFallsAndSameSeedRepeats()
    {
        var data = CarsTestData.Generate(60, 30, 0.5, 7, (_, _, _) => 0);
        var curve = new List<double>();
        var a = new Camf(data.NumUsers, data.NumItems, data.Context!, CamfVariant.CI, Sgd).Fit(data.Ratings, (_, rmse) => curve.Add(rmse));
        Assert.True(curve[^1] < 0.8 * curve[0], $"training RMSE {curve[0]:F3} → {curve[^1]:F3}");
        var b = new Camf(data.NumUsers, data.NumItems, data.Context!, CamfVariant.CI, Sgd).Fit(data.Ratings);
        Assert.Equal(a.UserFactors, b.UserFactors);
    }

    [Theory]
    [InlineData(CamfVariant.CI, false)]
    [InlineData(CamfVariant.CI, true)]
    [InlineData(CamfVariant.CU, false)]
    [InlineData(CamfVariant.CU, true)]
    public void CarskitFormsDropTheReplacedBiasUnlessAskedToKeepIt(CamfVariant variant, bool keep)
    {
        var data = CarsTestData.Generate(30, 20, 0.5, 9, (_, _, _) => 0);
        var camf = new Camf(30, 20, data.Context!, variant, Sgd with { Epochs = 3 }, keep).Fit(data.Ratings);
        var replaced = variant == CamfVariant.CI ? camf.ItemBias : camf.UserBias;
        var other = variant == CamfVariant.CI ? camf.UserBias : camf.ItemBias;
        Assert.Equal(keep, replaced.Any(b => b != 0));
        Assert.Contains(other, b => b != 0);
    }

    [Fact]
    public void AnUnknownConditionAddsNoDeviation()
    {
        var data = CarsTestData.Generate(30, 20, 0.5, 10, (_, i, c) => i < 5 && c[1] == 1 ? 1.0 : 0);
        var camf = new Camf(30, 20, data.Context!, CamfVariant.CI, Sgd with { Epochs = 5 }, keepBaselineBiases: true).Fit(data.Ratings);
        int f = camf.Options.Factors, conditions = 7;
        foreach (var (u, i, c) in new[] { (0, 1, new[] { ContextCondition.Unknown, 1, 2 }), (7, 3, new[] { 1, ContextCondition.Unknown, ContextCondition.Unknown }), (29, 19, new[] { ContextCondition.Unknown, ContextCondition.Unknown, ContextCondition.Unknown }) })
        {
            double expected = camf.GlobalMean + camf.UserBias[u] + camf.ItemBias[i];
            for (int k = 0; k < f; k++) expected += camf.UserFactors[u * f + k] * camf.ItemFactors[i * f + k];
            int[] offsets = [0, 2, 4];
            for (int d = 0; d < 3; d++)
                if (c[d] != ContextCondition.Unknown) expected += camf.ConditionBias[i * conditions + offsets[d] + c[d]];
            Approx.AssertClose(expected, camf.Predict(u, i, c), 1e-12, 1e-12, $"user {u}, item {i}, context {string.Join(",", c)}");
        }
        Assert.Equal("context", Assert.Throws<ArgumentOutOfRangeException>(() => camf.Predict(0, 0, [-2, 0, 0])).ParamName);
    }

    [Fact]
    public void RatingsWithUnknownConditionsTrainEverythingButTheirDeviations()
    {
        var data = CarsTestData.Generate(100, 40, 0.5, 6, (_, _, c) => c[1] == 1 ? 1.0 : 0);
        var ctx = data.Ratings.Context!;
        // Forget the Location of every third rating: the effect is still learned from the others.
        var forgotten = new[] { ctx[0], ctx[1].Select((c, r) => r % 3 == 0 ? ContextCondition.Unknown : c).ToArray(), ctx[2] };
        var partly = new RatingTable(data.Ratings.Users, data.Ratings.Items, data.Ratings.Values, data.Ratings.Timestamps, forgotten);
        var camf = new Camf(data.NumUsers, data.NumItems, data.Context!, CamfVariant.C, Sgd).Fit(partly);
        double gap = camf.ConditionBias[camf.GlobalCondition(1, 1)] - camf.ConditionBias[camf.GlobalCondition(1, 0)];
        Assert.InRange(gap, 0.8, 1.2);
        // No Location recorded at all: its deviations are never touched, the other dimensions' are.
        var none = new RatingTable(data.Ratings.Users, data.Ratings.Items, data.Ratings.Values, data.Ratings.Timestamps,
            [ctx[0], ctx[1].Select(_ => ContextCondition.Unknown).ToArray(), ctx[2]]);
        var blind = new Camf(data.NumUsers, data.NumItems, data.Context!, CamfVariant.C, Sgd with { Epochs = 3 }).Fit(none);
        Assert.Equal(0.0, blind.ConditionBias[blind.GlobalCondition(1, 0)]);
        Assert.Equal(0.0, blind.ConditionBias[blind.GlobalCondition(1, 1)]);
        Assert.NotEqual(0.0, blind.ConditionBias[blind.GlobalCondition(0, 0)]);
        Assert.NotEqual(0.0, blind.ConditionBias[blind.GlobalCondition(2, 1)]);
    }

    [Fact]
    public void BadContextIsReported()
    {
        var data = CarsTestData.Generate(10, 10, 0.5, 8, (_, _, _) => 0);
        var camf = new Camf(10, 10, data.Context!, CamfVariant.C, Sgd with { Epochs = 1 }).Fit(data.Ratings);
        Assert.Throws<ArgumentException>(() => camf.Predict(0, 0, [0, 0]));
        Assert.Equal("context", Assert.Throws<ArgumentOutOfRangeException>(() => camf.Predict(0, 0, [0, 2, 0])).ParamName);
        var noContext = new RatingTable([0], [0], [3f], [0]);
        Assert.Throws<ArgumentException>(() => camf.Fit(noContext));
        var badCondition = new RatingTable([0], [0], [3f], [0], [[0], [5], [0]]);
        Assert.Contains("Location", Assert.Throws<ArgumentException>(() => camf.Fit(badCondition)).Message);
        var badItem = new RatingTable([0], [10], [3f], [0], [[0], [0], [0]]);
        Assert.Contains("item 10", Assert.Throws<ArgumentException>(() => camf.Fit(badItem)).Message);
    }
}
