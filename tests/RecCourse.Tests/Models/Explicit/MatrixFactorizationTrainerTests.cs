using RecCourse.Data;
using RecCourse.Models;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Models;

public class MatrixFactorizationTrainerTests
{
    private static readonly MatrixFactorizationOptions Small = new() { Dimensions = 16, Epochs = 30, InitStd = 0.1f, Regularization = 0.05f };

    private static double GlobalMeanRmse(RatingTable train, RatingTable test)
    {
        double mu = train.Mean(), se = 0;
        for (int k = 0; k < test.Count; k++) se += (test.Values[k] - mu) * (test.Values[k] - mu);
        return Math.Sqrt(se / test.Count);
    }

    [Fact]
    public void Sgd_LossFalls_BeatsGlobalMean_AndRecoversPlantedRatings()
    {
        var data = SmallSynthetic.Data;
        var (train, test, testRows) = SmallSynthetic.Split();
        var result = MatrixFactorizationTrainer.Fit(train, data.NumUsers, data.NumItems, Small, test);

        Assert.True(result.History[^1].TrainLoss < 0.7 * result.History[0].TrainLoss,
            $"training MSE should fall: {result.History[0].TrainLoss:F3} → {result.History[^1].TrainLoss:F3}");
        var (rmse, _) = RatingError.Evaluate(result.Model, test);
        double baseline = GlobalMeanRmse(train, test);
        Assert.True(rmse < 0.85 * baseline, $"MF RMSE {rmse:F3} should clearly beat the global mean {baseline:F3}");

        // Planted structure: held-out predictions track the generator's noiseless ratings.
        var predicted = Enumerable.Range(0, test.Count).Select(k => (double)result.Model.Predict(test.Users[k], test.Items[k])).ToList();
        var truth = testRows.Select(r => data.Truth!.ExpectedRatings[r]).ToList();
        double corr = SmallSynthetic.Correlation(predicted, truth);
        Assert.True(corr > 0.7, $"correlation of predictions with the planted expected ratings is only {corr:F3}");
    }

    [Fact]
    public void PlainSgdAndSvdpp_BothRecoverPlantedRatings()
    {
        var data = SmallSynthetic.Data;
        var (train, test, testRows) = SmallSynthetic.Split();
        var truth = testRows.Select(r => data.Truth!.ExpectedRatings[r]).ToList();
        foreach (bool implicitFeedback in new[] { false, true })
        {
            var model = MatrixFactorizationTrainer.Fit(train, data.NumUsers, data.NumItems, Small with { ImplicitFeedback = implicitFeedback }).Model;
            var predicted = Enumerable.Range(0, test.Count).Select(k => (double)model.Predict(test.Users[k], test.Items[k])).ToList();
            double corr = SmallSynthetic.Correlation(predicted, truth);
            Assert.True(corr > 0.7, $"ImplicitFeedback={implicitFeedback}: correlation with planted ratings {corr:F3}");
        }
    }

    [Fact]
    public void SessionBiases_RecoverAPlantedSessionMood()
    {
        // Plant a mood: in every other 5-minute bucket, users rate one star higher (clipped to 5).
        var data = SmallSynthetic.Data;
        var r = data.Ratings;
        var values = new float[r.Count];
        var times = new long[r.Count];
        var rng = new Random(11);
        for (int k = 0; k < r.Count; k++)
        {
            // Spread each user's ratings over 6 buckets so sessions hold several ratings.
            times[k] = 300L * (r.Users[k] * 6 + rng.Next(6)) + 17;
            bool happy = times[k] / 300 % 2 == 0;
            values[k] = Math.Min(5f, r.Values[k] + (happy ? 1f : 0f));
        }
        var moody = new RatingTable(r.Users, r.Items, values, times);
        var (train, test) = Splits.RandomHoldout(moody, 0.2, 3);
        var plain = MatrixFactorizationTrainer.Fit(train, data.NumUsers, data.NumItems, Small with { SessionSeconds = 0 }).Model;
        var sessions = MatrixFactorizationTrainer.Fit(train, data.NumUsers, data.NumItems, Small with { SessionSeconds = 300, SessionRegularization = 0.1f }).Model;
        double withoutTime = RatingError.Evaluate(plain, test).Rmse, withTime = RatingError.Evaluate(sessions, test).Rmse;
        Assert.True(withTime < withoutTime - 0.05, $"session biases should capture the planted mood: RMSE {withTime:F3} vs {withoutTime:F3}");

        // The learned biases have the planted sign, and unseen sessions fall back to Predict.
        double happyMean = 0, sadMean = 0; int nh = 0, ns = 0;
        for (int k = 0; k < train.Count; k++)
        {
            float b = sessions.SessionBias[sessions.SessionIndex(train.Users[k], train.Timestamps[k])];
            if (train.Timestamps[k] / 300 % 2 == 0) { happyMean += b; nh++; } else { sadMean += b; ns++; }
        }
        Assert.True(happyMean / nh > sadMean / ns + 0.3, $"happy-session bias {happyMean / nh:F3} vs other {sadMean / ns:F3}");
        Assert.Equal(-1, sessions.SessionIndex(0, 1L << 40));
        Approx.AssertClose(sessions.Predict(0, 0), sessions.PredictAt(0, 0, 1L << 40), 1e-6, 1e-6, "unseen session");
    }

    [Fact]
    public void AdamWithYRange_StaysInRange_AndBeatsGlobalMean()
    {
        var data = SmallSynthetic.Data;
        var (train, test, _) = SmallSynthetic.Split();
        var o = Small with { Solver = MfSolver.Adam, ImplicitFeedback = false, SessionSeconds = 0, BatchSize = 256, LearningRate = 5e-3f, LearningRateDecay = 1f, YRange = (0f, 5.5f), Regularization = 0.02f };
        var model = MatrixFactorizationTrainer.Fit(train, data.NumUsers, data.NumItems, o).Model;
        var scores = new float[data.NumItems];
        for (int u = 0; u < data.NumUsers; u += 7)
        {
            model.ScoreItems(u, scores);
            Assert.All(scores, s => Assert.InRange(s, 0f, 5.5f));
        }
        var (rmse, _) = RatingError.Evaluate(model, test);
        Assert.True(rmse < 0.9 * GlobalMeanRmse(train, test), $"Adam MF RMSE {rmse:F3} vs global mean {GlobalMeanRmse(train, test):F3}");
    }

    [Fact]
    public void ScoreItems_MatchesScalarFormula()
    {
        var data = SmallSynthetic.Data;
        var (train, _, _) = SmallSynthetic.Split();
        var model = MatrixFactorizationTrainer.Fit(train, data.NumUsers, data.NumItems, Small with { Epochs = 2, YRange = (1f, 5f) }).Model;
        var scores = new float[data.NumItems];
        model.ScoreItems(5, scores);
        for (int i = 0; i < data.NumItems; i += 13)
        {
            double x = model.GlobalBias + model.UserBias[5] + model.ItemBias[i];
            for (int f = 0; f < model.Dimensions; f++) x += (double)model.UserRow(5)[f] * model.ItemRow(i)[f];
            double expected = 1 + 4 / (1 + Math.Exp(-x));
            Approx.AssertClose(expected, scores[i], 1e-5, 1e-5, $"item {i}");
            Approx.AssertClose(expected, model.Predict(5, i), 1e-5, 1e-5, $"Predict item {i}");
        }
    }

    [Fact]
    public void EarlyStopping_RestoresBestValidationEpoch()
    {
        var data = SmallSynthetic.Data;
        var (train, test, _) = SmallSynthetic.Split();
        // No regularisation and a big step: validation RMSE turns up after a few epochs.
        var o = Small with { Regularization = 0, LearningRate = 0.03f, Epochs = 40, Patience = 3, LearningRateDecay = 1f };
        var r = MatrixFactorizationTrainer.Fit(train, data.NumUsers, data.NumItems, o, test);
        double best = r.History.Min(h => h.ValidationMetric);
        Assert.True(r.History.Count < 40, "early stopping should have ended training");
        Assert.Equal(r.History.First(h => h.ValidationMetric == best).Epoch, r.BestEpoch);
        Approx.AssertClose(best, RatingError.Evaluate(r.Model, test).Rmse, 1e-6, 1e-6, "restored model's validation RMSE");
    }

    [Fact]
    public void SameSeed_SameWeights()
    {
        var data = SmallSynthetic.Data;
        var (train, _, _) = SmallSynthetic.Split();
        var a = MatrixFactorizationTrainer.Fit(train, data.NumUsers, data.NumItems, Small with { Epochs = 3 }).Model;
        var b = MatrixFactorizationTrainer.Fit(train, data.NumUsers, data.NumItems, Small with { Epochs = 3 }).Model;
        Assert.True(a.UserFactors.AsSpan().SequenceEqual(b.UserFactors) && a.ItemFactors.AsSpan().SequenceEqual(b.ItemFactors));
    }

    [Fact]
    public void AveragedSeeds_PredictTheMeanOfMembers()
    {
        var data = SmallSynthetic.Data;
        var (train, test, _) = SmallSynthetic.Split();
        var (ensemble, members) = MatrixFactorizationTrainer.FitAveraged(train, data.NumUsers, data.NumItems, Small with { Epochs = 5 }, 3);
        Assert.Equal(3, members.Count);
        for (int k = 0; k < test.Count; k += 97)
        {
            int u = test.Users[k], i = test.Items[k];
            double mean = members.Average(m => (double)m.Model.Predict(u, i));
            Approx.AssertClose(mean, ensemble.Predict(u, i), 1e-6, 1e-6);
        }
    }

    [Fact]
    public void BadInput_Throws_NamingTheProblem()
    {
        var t = new RatingTable([0, 5], [0, 1], [3f, 4f], [0, 0]);
        var ex = Assert.Throws<ArgumentException>(() => MatrixFactorizationTrainer.Fit(t, 3, 3, Small));
        Assert.Contains("user index 5", ex.Message);
        var opt = Assert.Throws<ArgumentOutOfRangeException>(() => MatrixFactorizationTrainer.Fit(t, 6, 3, Small with { Dimensions = 0 }));
        Assert.Equal("Dimensions", opt.ParamName);
    }
}
