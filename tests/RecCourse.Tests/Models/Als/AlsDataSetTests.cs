using RecCourse.Data;
using RecCourse.Metrics;
using RecCourse.Models;
using RecCourse.Tests.TestSupport;
using Xunit.Abstractions;

namespace RecCourse.Tests.Models.Als;

/// <summary>ALS and WALS on whole data sets: the synthetic set (against its planted truth) and MovieLens 100k.</summary>
public class AlsDataSetTests(ITestOutputHelper output)
{
    private static readonly RecDataset Data = SyntheticMovieLens.Generate(new SyntheticOptions { Seed = 42 });

    [Fact]
    public void ExplicitAlsRecoversThePlantedRatingsAndBiases()
    {
        var truth = Data.Truth!;
        var (train, test) = Splits.RandomHoldout(Data.Ratings, 0.2, 3);
        var als = new ExplicitAls(Data.NumUsers, Data.NumItems, new AlsOptions { Factors = 8, Lambda = 0.1, Biases = true, Iterations = 10, Threads = 2, MinRating = 1, MaxRating = 5 }).Fit(train);
        double seObserved = 0, seTruth = 0, seMean = 0, mu = train.Mean();
        var ctx = test.Context!;
        for (int r = 0; r < test.Count; r++)
        {
            int[] c = [ctx[0][r], ctx[1][r], ctx[2][r]];
            double p = als.PredictRating(test.Users[r], test.Items[r]);
            double expected = Math.Clamp(truth.ExpectedRating(test.Users[r], test.Items[r], c), 1, 5);
            seObserved += Math.Pow(p - test.Values[r], 2);
            seTruth += Math.Pow(p - expected, 2);
            seMean += Math.Pow(mu - test.Values[r], 2);
        }
        double rmse = Math.Sqrt(seObserved / test.Count), rmseTruth = Math.Sqrt(seTruth / test.Count), rmseMean = Math.Sqrt(seMean / test.Count);
        double biasCorrelation = MathNet.Numerics.Statistics.Correlation.Pearson(als.ItemBias, truth.ItemBias);
        output.WriteLine($"held-out RMSE {rmse:F4} (global mean {rmseMean:F4}); RMSE against the noiseless planted rating {rmseTruth:F4}; corr(b_i, planted b_i) {biasCorrelation:F3}");
        Assert.True(rmse < 0.85 * rmseMean, $"RMSE {rmse:F4} vs global mean {rmseMean:F4}");
        Assert.True(rmseTruth < 0.6, $"RMSE against the planted expectation {rmseTruth:F4}");
        Assert.True(biasCorrelation > 0.8, $"corr(b_i) {biasCorrelation:F3}");
    }

    /// <summary>
    /// In the synthetic set, which items a user rates is driven mostly by the planted item popularity
    /// (popularity alone ranks held-out choices at AUC ≈ 0.80 and no model measured did better), so
    /// a well-regularised WALS must recover that ranking.
    /// </summary>
    [Fact]
    public void WalsRecoversThePlantedChoiceRanking()
    {
        var (train, test) = Splits.StratifiedByUser(Data.Ratings, 0.75, 3);
        var clicks = new RatingTable(train.Users, train.Items, Enumerable.Repeat(1f, train.Count).ToArray(), train.Timestamps);
        var wals = new ImplicitAls(Data.NumUsers, Data.NumItems, new WalsOptions { Factors = 16, Lambda = 100, Alpha = 10, Iterations = 6, Threads = 2 }).Fit(clicks);
        var popularity = new float[Data.NumItems];
        foreach (int i in train.Items) popularity[i]++;
        var (trainIndex, testIndex) = (UserItemIndex.Build(train, Data.NumUsers, Data.NumItems), UserItemIndex.Build(test, Data.NumUsers, Data.NumItems));
        double auc = RankingEvaluator.Evaluate(wals.ScoreItems, trainIndex, testIndex).Auc;
        double popAuc = RankingEvaluator.Evaluate((_, s) => popularity.CopyTo(s), trainIndex, testIndex).Auc;
        output.WriteLine($"mean per-user AUC: WALS {auc:F4}, training popularity {popAuc:F4}");
        Assert.True(auc > 0.78 && auc > popAuc - 0.01, $"WALS AUC {auc:F4}, popularity {popAuc:F4}");
    }

    [Ml100kFact]
    public void WalsReachesTheAucTargetOnMovieLens()
    {
        var data = MovieLens100k.Load(Ml100kFactAttribute.Ml100kDir!);
        var (train, test) = Splits.StratifiedByUser(data.Ratings, 0.75, 3);
        var clicks = new RatingTable(train.Users, train.Items, Enumerable.Repeat(1f, train.Count).ToArray(), train.Timestamps);
        var wals = new ImplicitAls(data.NumUsers, data.NumItems, WalsOptions.TunedForMovieLens with { Threads = 2 }).Fit(clicks);
        var report = RankingEvaluator.Evaluate(wals.ScoreItems, UserItemIndex.Build(train, data.NumUsers, data.NumItems), UserItemIndex.Build(test, data.NumUsers, data.NumItems));
        output.WriteLine($"ml-100k stratified 75/25, every rating a positive, WALS: {report}");
        Assert.True(report.Auc >= 0.93, $"AUC {report.Auc:F4}");
    }
}
