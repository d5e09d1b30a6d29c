using RecCourse.Data;
using RecCourse.Metrics;
using RecCourse.Models;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Models;

/// <summary>The published-number targets of the course on MovieLens 100k (skipped without the data).</summary>
public class MovieLensTargetTests
{
    [Ml100kFact]
    public void TunedMf_ReachesRmse0905_OnU1()
    {
        var (train, test) = MovieLens100k.LoadSplit(Ml100kFactAttribute.Ml100kDir!, "u1");
        var model = MatrixFactorizationTrainer.Fit(train.Ratings, train.NumUsers, train.NumItems, new MatrixFactorizationOptions()).Model;
        var (rmse, _) = RatingError.Evaluate(model, test.Ratings);
        Assert.True(rmse <= 0.905, $"u1 RMSE {rmse:F4} > 0.905");
    }

    [Ml100kFact]
    public void Hybrid_ReachesRmse0900_OnU1()
    {
        var (train, test) = MovieLens100k.LoadSplit(Ml100kFactAttribute.Ml100kDir!, "u1");
        var model = HybridTrainer.Fit(train.Ratings, HybridFeatures.FromDataset(train), new HybridOptions()).Model;
        var (rmse, _) = RatingError.Evaluate(model, test.Ratings);
        Assert.True(rmse <= 0.900, $"u1 hybrid RMSE {rmse:F4} > 0.900");
    }

    [Ml100kFact]
    public void Bpr_ReachesNdcg045_AndAuc093_OnStratified7525()
    {
        var data = MovieLens100k.Load(Ml100kFactAttribute.Ml100kDir!);
        var (train, test) = Splits.StratifiedByUser(data.Ratings, 0.75, 42);
        var model = PairwiseTrainer.Fit(train, data.NumUsers, data.NumItems, new PairwiseOptions()).Model;
        var report = RankingEvaluator.Evaluate((u, s) => model.ScoreItems(u, s), UserItemIndex.Build(train, data.NumUsers, data.NumItems),
            UserItemIndex.Build(test, data.NumUsers, data.NumItems), 10, true, mapDivideByAllRelevant: true);
        Assert.True(report.Ndcg >= 0.45, $"NDCG@10 {report.Ndcg:F4} < 0.45");
        Assert.True(report.Auc >= 0.93, $"mean per-user AUC {report.Auc:F4} < 0.93");
    }

    [Ml100kFact]
    public void CandidateGenerator_ReachesHitRate010_OnLeaveLastPositiveOut()
    {
        var data = MovieLens100k.Load(Ml100kFactAttribute.Ml100kDir!);
        var (train, test) = Splits.LeaveLastPositiveOut(data.Ratings);
        var model = CandidateTrainer.Fit(train, data.NumUsers, data.NumItems, HybridFeatures.FromDataset(data), new CandidateOptions()).Model;
        var (hr, _, users) = HoldoutRanking.Evaluate(model, UserItemIndex.Build(train, data.NumUsers, data.NumItems), test);
        Assert.True(hr >= 0.10, $"HR@10 {hr:F4} over {users} users < 0.10");
    }
}
