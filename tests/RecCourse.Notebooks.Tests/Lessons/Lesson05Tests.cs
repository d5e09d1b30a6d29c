namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// notebooks/05_softmax_negative_sampling.ipynb on the synthetic set: runs cleanly; log-Q and
/// negatives matter as the narrative says; folding is shown; the assign → grade round trip gives full
/// marks / zero.
/// </summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson05Tests(Lesson05Tests.Runs runs) : IClassFixture<Lesson05Tests.Runs>
{
    private const string FileName = "05_softmax_negative_sampling.ipynb";

    /// <summary>The solution run (notebook + hidden tests) once and the student copy graded once, shared by the tests.</summary>
    public sealed class Runs() : LessonFixture(Lesson05Tests.FileName);

    [Fact]
    public void EveryCellSucceeds() => Assert.True(runs.Solution.FailedCells.Count == 0, runs.Solution.FailureSummary);

    [Fact]
    public void TunedCandidateGeneratorBeatsPopularityOnTheBenchmarkProtocol()
    {
        var r = runs.Solution;
        Assert.True(r.Number("softmaxHr10") > r.Number("popularityHr10"), $"HR@10 {r.Number("softmaxHr10"):F3} vs popularity {r.Number("popularityHr10"):F3}");
        Assert.Contains("leave last positive out", r.Text("protocol"));
    }

    [Fact]
    public void SampledSoftmaxNeedsTheLogQCorrection()
    {
        var r = runs.Solution;
        Assert.True(r.Number("hr10_popularitylogQ") > r.Number("hr10_popularitynologQ") + 0.05,
            $"HR@10 with log-Q {r.Number("hr10_popularitylogQ")} vs without {r.Number("hr10_popularitynologQ")}");
        foreach (var name in new[] { "fullsoftmax1epoch", "uniform", "popularitylogQ" })
            Assert.True(r.Number($"hr10_{name}") > 0.5 * r.Number("popularityHr10"), $"{name}: HR@10 {r.Number($"hr10_{name}")}");
        Assert.True(r.Number("exerciseHr10") >= r.Number("popularityHr10") + 0.01, $"exercise model HR@10 {r.Number("exerciseHr10")} vs popularity {r.Number("popularityHr10")}");
        Assert.True(r.Number("msPerBatchFull") > 0 && r.Number("msPerBatchSampled") > 0, "both costs were measured");
    }

    [Fact]
    public void FoldingAppearsWithoutNegativesAndDisappearsWithThem()
    {
        var r = runs.Solution;
        Assert.True(r.Number("foldCrossTop10PositivesOnly") > 0.3, $"cross-group share of top-10, positives only: {r.Number("foldCrossTop10PositivesOnly")}");
        Assert.True(r.Number("foldCrossTop10WithNegatives") < 0.05, $"with negatives: {r.Number("foldCrossTop10WithNegatives")}");
        Assert.InRange(r.Number("foldCrossAucPositivesOnly"), 0.2, 0.7);
        Assert.True(r.Number("foldCrossAucWithNegatives") > 0.9, $"cross-group AUC with negatives {r.Number("foldCrossAucWithNegatives")}");
    }

    [Fact]
    public void SolutionsScoreFullMarks()
        => runs.AssertSolutionScoresFullMarks(3);

    [Fact]
    public void StudentCopyScoresZeroWithNotImplementedMessages()
        => runs.AssertStudentCopyScoresZero();
}
