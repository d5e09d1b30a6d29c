using RecCourse.Data;
using RecCourse.Metrics;
using RecCourse.Models;

namespace RecCourse.Tests.Models;

public class PairwiseTrainerTests
{
    private static readonly PairwiseOptions Small = new() { Dimensions = 16, Epochs = 25, LearningRate = 0.05f, Regularization = 0.01f };

    private static RankingReport Evaluate(IRecommender m, RatingTable train, RatingTable test) =>
        RankingEvaluator.Evaluate((u, s) => m.ScoreItems(u, s), UserItemIndex.Build(train, m.NumUsers, m.NumItems), UserItemIndex.Build(test, m.NumUsers, m.NumItems));

    /// <summary>A recommender that scores items by training popularity, the baseline BPR must beat.</summary>
    private sealed class Popularity(int[] counts, int users) : IRecommender
    {
        public int NumUsers => users;
        public int NumItems => counts.Length;
        public float Predict(int user, int item) => counts[item];
        public void ScoreItems(int user, Span<float> scores) { for (int i = 0; i < counts.Length; i++) scores[i] = counts[i]; }
    }

    [Theory]
    [InlineData(PairwiseLoss.Bpr, NegativeSampling.Uniform)]
    [InlineData(PairwiseLoss.Margin, NegativeSampling.Uniform)]
    [InlineData(PairwiseLoss.Bpr, NegativeSampling.Popularity)]
    public void RanksHeldOutPositivesAboveNegatives(PairwiseLoss loss, NegativeSampling sampling)
    {
        var data = SmallSynthetic.Implicit;
        var (train, test) = Splits.StratifiedByUser(data.Ratings, 0.75, 5);
        var r = PairwiseTrainer.Fit(train, data.NumUsers, data.NumItems, Small with { Loss = loss, Sampling = sampling });
        Assert.True(r.History[^1].TrainLoss < r.History[0].TrainLoss, $"loss should fall: {r.History[0].TrainLoss:F3} → {r.History[^1].TrainLoss:F3}");
        var report = Evaluate(r.Model, train, test);
        Assert.True(report.Auc > 0.75, $"{loss}/{sampling}: mean per-user AUC {report.Auc:F3} should be well above chance (0.5)");
    }

    [Fact]
    public void Bpr_BeatsPopularity_OnPlantedPreferences()
    {
        var data = SmallSynthetic.Implicit;
        var (train, test) = Splits.StratifiedByUser(data.Ratings, 0.75, 5);
        var bpr = PairwiseTrainer.Fit(train, data.NumUsers, data.NumItems, Small with { Epochs = 40 }).Model;
        var counts = new int[data.NumItems];
        foreach (int i in train.Items) counts[i]++;
        var pop = Evaluate(new Popularity(counts, data.NumUsers), train, test);
        var mine = Evaluate(bpr, train, test);
        Assert.True(mine.Auc > pop.Auc, $"BPR AUC {mine.Auc:F3} should beat popularity {pop.Auc:F3}: users choose by planted preference");
    }

    [Fact]
    public void Pointwise_WithNegatives_SeparatesPositives()
    {
        var data = SmallSynthetic.Implicit;
        var (train, test) = Splits.StratifiedByUser(data.Ratings, 0.75, 5);
        var r = PointwiseTrainer.Fit(train, data.NumUsers, data.NumItems, new PointwiseOptions { Dimensions = 16, Epochs = 15, ItemBias = true });
        Assert.True(r.History[^1].TrainLoss < r.History[0].TrainLoss);
        Assert.True(Evaluate(r.Model, train, test).Auc > 0.75);
    }

    [Fact]
    public void BadOptions_Throw()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PairwiseOptions { NegativesPerPositive = 0 }.Validate());
        Assert.Equal("NegativesPerPositive", ex.ParamName);
    }
}
