using RecCourse.Data;
using RecCourse.Fairness.Simulation;

namespace RecCourse.Tests.Fairness.Simulation;

public class FeedbackLoopTests
{
    private static readonly FeedbackLoopOptions Small = new() { Rounds = 6, ListLength = 10, PairSample = 0, Seed = 3 };

    [Fact]
    public void Run_ReturnsEveryPolicyAndRound()
    {
        var v = SimulatedPreferences.LowRank(60, 120, seed: 1);
        var rows = FeedbackLoop.Run(v, options: Small);
        Assert.Equal(3 * 6, rows.Count);
        foreach (var policy in new[] { FeedbackLoop.ModelPolicy, FeedbackLoop.RandomPolicy, FeedbackLoop.OraclePolicy })
            Assert.Equal(Enumerable.Range(1, 6), rows.Where(r => r.Recommender == policy).Select(r => r.Round));
        foreach (var r in rows)
        {
            Assert.InRange(r.Jaccard, 0, 1);
            Assert.InRange(r.Gini, 0, 1);
            Assert.InRange(r.Utility, 1, 5);
        }
    }

    [Fact]
    public void Oracle_HasHighestUtility_RandomTheLowest()
    {
        var v = SimulatedPreferences.LowRank(100, 200, seed: 2);
        var rows = FeedbackLoop.Run(v, options: Small);
        double Final(string p) => rows.Last(r => r.Recommender == p).CumulativeUtility;
        Assert.True(Final(FeedbackLoop.OraclePolicy) > Final(FeedbackLoop.ModelPolicy), "oracle beats the model");
        Assert.True(Final(FeedbackLoop.ModelPolicy) > Final(FeedbackLoop.RandomPolicy), "the model beats random");
    }

    [Fact]
    public void TrainedRecommender_HomogenisesMoreThanRandom_AndConsumesFewerDistinctItems()
    {
        var v = SimulatedPreferences.LowRank(150, 300, seed: 4);
        var rows = FeedbackLoop.Run(v, options: Small with { Rounds = 8 });
        var model = rows.Last(r => r.Recommender == FeedbackLoop.ModelPolicy);
        var random = rows.Last(r => r.Recommender == FeedbackLoop.RandomPolicy);
        Assert.True(model.Jaccard > 2 * random.Jaccard, $"model Jaccard {model.Jaccard}, random {random.Jaccard}");
        Assert.True(model.DistinctItems < random.DistinctItems, $"distinct: model {model.DistinctItems}, random {random.DistinctItems}");
        Assert.True(model.Gini > random.Gini);
    }

    [Fact]
    public void SameSeed_SameRows()
    {
        var v = SimulatedPreferences.LowRank(40, 80, seed: 5);
        var a = FeedbackLoop.Run(v, options: Small with { Rounds = 3 });
        var b = FeedbackLoop.Run(v, options: Small with { Rounds = 3 });
        Assert.Equal(a, b);
    }

    [Fact]
    public void CustomTrainer_IsCalledOncePerRound()
    {
        var v = SimulatedPreferences.LowRank(30, 60, seed: 6);
        int calls = 0;
        var als = FeedbackLoop.AlsTrainer(30, 60);
        FeedbackLoop.Run(v, r => { calls++; return als(r); }, Small with { Rounds = 4 });
        Assert.Equal(4, calls);
    }

    [Fact]
    public void TooManyRoundsForCatalogue_Throws()
    {
        var v = SimulatedPreferences.LowRank(5, 12, seed: 7);
        Assert.Throws<ArgumentException>(() => FeedbackLoop.Run(v, options: new FeedbackLoopOptions { Rounds = 10, InitialItemsPerUser = 5 }));
    }

    [Fact]
    public void FromTruth_MatchesPlantedExpectedRatings_AndRunsTheLoop()
    {
        var data = SyntheticMovieLens.Generate(new SyntheticOptions { Seed = 3, NumUsers = 100, NumItems = 200, NumRatings = 4000 });
        var truth = data.Truth!;
        var v = SimulatedPreferences.FromTruth(truth, numUsers: 50, numItems: 80);
        int mostPopular = Array.IndexOf(truth.PopularityRank, 0);
        double expected = truth.GlobalBias + truth.UserBias[7] + truth.ItemBias[mostPopular] + truth.Preference(7, mostPopular);
        Assert.True(Math.Abs(v[7, 0] - expected) < 1e-5, $"v[7,0] = {v[7, 0]}, expected {expected}");
        var rows = FeedbackLoop.Run(v, options: Small with { Rounds = 3 });
        Assert.Equal(9, rows.Count);
    }

    [Fact]
    public void MeanJaccard_MatchesHandCount()
    {
        HashSet<int>[] sets = [[1, 2, 3], [2, 3, 4], []];
        // (0,1): 2/4; (0,2): 0 (union 3); (1,2): 0.
        double j = FeedbackLoop.MeanJaccard(sets, [(0, 1), (0, 2), (1, 2)]);
        Assert.True(Math.Abs(j - 0.5 / 3) < 1e-12, $"got {j}");
    }
}
