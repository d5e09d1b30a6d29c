namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// notebooks/07_ethics_audits.ipynb on the synthetic set: runs cleanly, detects the planted gender
/// difference, measures popularity bias and its mitigation, the feedback loop, leakage and its removal,
/// complete explanations; and the assign → grade round trip gives full marks / zero.
/// </summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson07Tests(Lesson07Tests.Runs runs) : IClassFixture<Lesson07Tests.Runs>
{
    private const string FileName = "07_ethics_audits.ipynb";

    /// <summary>The solution run (notebook + hidden tests) once and the student copy graded once, shared by the tests.</summary>
    public sealed class Runs() : LessonFixture(Lesson07Tests.FileName);

    [Fact]
    public void EveryCellSucceeds()
    {
        Assert.True(runs.Solution.FailedCells.Count == 0, runs.Solution.FailureSummary);
        Assert.Equal("Synthetic", runs.Solution.Text("dataSource"));
    }

    [Fact]
    public void TheAuditDetectsThePlantedGroupDifference()
    {
        var r = runs.Solution;
        Assert.True(r.Flag("plantedGapDetected"), "the per-genre residual sweep must flag exactly the planted genres, in their direction");
        Assert.True(r.Flag("romanceDataGapFemaleHigher"), "women rate Romance higher in the data (planted +0.6)");
        Assert.InRange(r.Number("romanceDataGap"), 0.12, 0.72);
        // The planted effect is genre-specific: the overall RMSE gap is small.
        Assert.True(r.Number("genderRmseGap") < 0.05, $"overall gender RMSE gap {r.Number("genderRmseGap")}");
    }

    [Fact]
    public void PopularityBiasIsMeasuredAndRerankingReducesIt()
    {
        var r = runs.Solution;
        Assert.True(r.Number("headExposureShare") > 0.5, $"head (20 % of items) exposure share {r.Number("headExposureShare")}");
        Assert.True(r.Number("apltReranked") > r.Number("aplt") + 0.05, $"APLT {r.Number("aplt")} → {r.Number("apltReranked")}");
        Assert.True(r.Number("coverageReranked") > r.Number("coverage"), $"coverage {r.Number("coverage")} → {r.Number("coverageReranked")}");
        Assert.True(r.Number("giniReranked") < r.Number("gini"), $"Gini {r.Number("gini")} → {r.Number("giniReranked")}");
        Assert.True(r.Number("ndcg10Reranked") <= r.Number("ndcg10"), "re-ranking should not raise NDCG on popularity-biased test data");
    }

    [Fact]
    public void TheFeedbackLoopHomogenisesWithoutTheOraclesUtility()
    {
        var r = runs.Solution;
        Assert.True(r.Number("jaccardModel") > 3 * r.Number("jaccardRandom"), $"Jaccard model {r.Number("jaccardModel")} vs random {r.Number("jaccardRandom")}");
        Assert.True(r.Number("jaccardModel") > r.Number("jaccardOracle"), $"Jaccard model {r.Number("jaccardModel")} vs oracle {r.Number("jaccardOracle")}");
        Assert.True(r.Number("utilityModel") > r.Number("utilityRandom") && r.Number("utilityModel") < r.Number("utilityOracle"),
            $"utility random {r.Number("utilityRandom")} < model {r.Number("utilityModel")} < oracle {r.Number("utilityOracle")}");
    }

    [Fact]
    public void GenderLeaksAndProjectionRemovesIt()
    {
        var r = runs.Solution;
        Assert.True(r.Number("probeAuc") > 0.65, $"probe AUC {r.Number("probeAuc")}");
        Assert.InRange(r.Number("probeAucProjected"), 0.4, 0.6);
        Assert.InRange(r.Number("probeAucIterative"), 0.4, 0.6);
        Assert.True(r.Number("probeAucCensored") < r.Number("probeAuc"), $"censored {r.Number("probeAucCensored")}");
        Assert.InRange(r.Number("probeAucTruth"), 0.35, 0.65);
        Assert.True(r.Number("rmseAfterProjection") - r.Number("rmseBeforeProjection") < 0.05, "projection costs little accuracy");
    }

    [Fact]
    public void ExplanationsAreCompleteAndShowTheGenderEffect()
    {
        var r = runs.Solution;
        Assert.True(Math.Abs(r.Number("igCompletenessGap")) < 0.01 * Math.Max(0.1, Math.Abs(r.Number("igDelta"))) + 1e-3,
            $"IG completeness gap {r.Number("igCompletenessGap")} for f(x) − f(x') = {r.Number("igDelta")}");
        Assert.True(r.Number("igGender") > 0, $"gender attribution for a woman and a Romance film: {r.Number("igGender")}");
        Assert.True(r.Number("genderImportance") > 0, $"permutation importance of gender {r.Number("genderImportance")}");
        Assert.InRange(r.Number("hybridTestRmse"), 0.6, 1.0);
        Assert.True(r.Number("reportFindings") >= 3, $"{r.Number("reportFindings")} findings in the report");
    }

    [Fact]
    public void SolutionsScoreFullMarks()
        => runs.AssertSolutionScoresFullMarks(3);

    [Fact]
    public void StudentCopyScoresZeroWithNotImplementedMessages()
        => runs.AssertStudentCopyScoresZero();
}
