using RecCourse.Models;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Models;

public class HybridTrainerTests
{
    private static readonly MatrixFactorizationOptions SmallMf = new() { Dimensions = 16, Epochs = 25, InitStd = 0.1f, Regularization = 0.05f };
    private static readonly HybridOptions Small = new() { Mf = SmallMf, EmbeddingDimensions = 8, HiddenWidths = [32, 16], Epochs = 4, BatchSize = 128 };

    [Fact]
    public void WithZeroDeepEpochs_HybridEqualsItsWidePath()
    {
        var data = SmallSynthetic.Data;
        var (train, test, _) = SmallSynthetic.Split();
        var model = HybridTrainer.Fit(train, HybridFeatures.FromDataset(data), Small with { Epochs = 0 }).Model;
        for (int k = 0; k < test.Count; k += 101)
            Approx.AssertClose(model.Mf!.Predict(test.Users[k], test.Items[k]), model.Predict(test.Users[k], test.Items[k]), 1e-6, 1e-6);
    }

    [Fact]
    public void DeepPath_DoesNotHurt_AndPureDeepBeatsGlobalMean()
    {
        var data = SmallSynthetic.Data;
        var (train, test, _) = SmallSynthetic.Split();
        var features = HybridFeatures.FromDataset(data);
        var hybrid = HybridTrainer.Fit(train, features, Small, test);
        double wide = RatingError.Evaluate(hybrid.Model.Mf!, test).Rmse, both = RatingError.Evaluate(hybrid.Model, test).Rmse;
        Assert.True(both < wide + 0.01, $"hybrid RMSE {both:F4} should not be worse than its MF path {wide:F4}");
        Assert.True(hybrid.DeepHistory[^1].TrainLoss < hybrid.DeepHistory[0].TrainLoss, "deep-path training loss should fall");

        var deep = HybridTrainer.Fit(train, features, Small with { UseMfPath = false, Epochs = 6, LearningRate = 3e-3f }, test);
        double mu = train.Mean(), se = 0;
        for (int k = 0; k < test.Count; k++) se += (test.Values[k] - mu) * (test.Values[k] - mu);
        double baseline = Math.Sqrt(se / test.Count), rmse = RatingError.Evaluate(deep.Model, test).Rmse;
        Assert.True(rmse < 0.9 * baseline, $"pure deep MLP RMSE {rmse:F4} vs global mean {baseline:F4}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FeatureGradient_MatchesFiniteDifferences(bool useMfPath)
    {
        var data = SmallSynthetic.Data;
        var (train, _, _) = SmallSynthetic.Split();
        var features = HybridFeatures.FromDataset(data);
        var model = HybridTrainer.Fit(train, features, Small with { UseMfPath = useMfPath, Epochs = 2 }).Model;
        int n = features.FeatureCount;
        var x = new float[n]; var grad = new float[n]; var tmp = new float[n];
        foreach (var (u, i) in new[] { (3, 10), (120, 7), (250, 200) })
        {
            features.Fill(u, i, x);
            x[0] += 0.3f; // off the one-hot corners, as integrated gradients' interpolation points are
            float y = model.PredictWithFeatureGradient(u, i, x, grad);
            x.CopyTo(tmp);
            Approx.AssertClose(model.PredictWithFeatureGradient(u, i, tmp, new float[n]), y, 1e-6, 1e-6, "deterministic");
            for (int f = 0; f < n; f++)
            {
                const float h = 2e-3f;
                x.CopyTo(tmp); tmp[f] += h;
                float up = model.PredictWithFeatureGradient(u, i, tmp, new float[n]);
                tmp[f] -= 2 * h;
                float down = model.PredictWithFeatureGradient(u, i, tmp, new float[n]);
                // ReLU kinks make the central difference inexact; the tolerance allows for that.
                Approx.AssertClose((up - down) / (2 * h), grad[f], 0.05, 2e-3, $"d ŷ / d {features.FeatureNames[f]} at ({u}, {i})");
            }
        }
    }

    [Fact]
    public void PredictWithFeatures_UsesTheGivenVector_AndDefaultEqualsPredict()
    {
        var data = SmallSynthetic.Data;
        var (train, _, _) = SmallSynthetic.Split();
        var features = HybridFeatures.FromDataset(data);
        var model = HybridTrainer.Fit(train, features, Small with { Epochs = 2 }).Model;
        var x = new float[features.FeatureCount];
        features.Fill(11, 22, x);
        Approx.AssertClose(model.Predict(11, 22), model.PredictWithFeatureGradient(11, 22, x, new float[x.Length]), 1e-6, 1e-6);
    }

    [Fact]
    public void WithoutMetadata_FeatureGradientThrows()
    {
        var data = SmallSynthetic.Data;
        var (train, _, _) = SmallSynthetic.Split();
        var features = HybridFeatures.FromDataset(data);
        var model = HybridTrainer.Fit(train, features, Small with { UseMetadata = false, UseMfPath = false, Epochs = 1 }).Model;
        Assert.Throws<InvalidOperationException>(() => model.PredictWithFeatureGradient(0, 0, new float[features.FeatureCount], new float[features.FeatureCount]));
    }
}
