namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// notebooks/04_deep_recsys.ipynb on the synthetic set: runs cleanly; the models, dropout curves and
/// implicit rankers behave as the narrative says; the assign → grade round trip gives full marks / zero.
/// </summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson04Tests(Lesson04Tests.Runs runs) : IClassFixture<Lesson04Tests.Runs>
{
    private const string FileName = "04_deep_recsys.ipynb";

    /// <summary>The solution run (notebook + hidden tests) once and the student copy graded once, shared by the tests.</summary>
    public sealed class Runs() : LessonFixture(Lesson04Tests.FileName);

    [Fact]
    public void EveryCellSucceeds() => Assert.True(runs.Solution.FailedCells.Count == 0, runs.Solution.FailureSummary);

    [Fact]
    public void RatingModelsBeatTheBaselinesAndMetadataHelps()
    {
        var r = runs.Solution;
        double mean = r.Number("globalMeanRmse");
        Assert.True(r.Number("mfTestRmse") < mean - 0.1, $"MF {r.Number("mfTestRmse")} vs global mean {mean}");
        Assert.True(r.Number("deepHybridTestRmse") < r.Number("deepCfTestRmse"), "metadata must help the deep model");
        Assert.True(r.Number("wideDeepTestRmse") < r.Number("deepCfTestRmse"), "wide & deep vs deep CF");
        Assert.True(r.Number("coldHybridRmse") < mean, "the hybrid on rarely rated items");
        double content = r.Number("contentBasedTestRmse");
        Assert.True(content < mean - 0.05 && content > r.Number("mfTestRmse"), $"content-based {content}: better than the mean, worse than collaborative MF");
    }

    [Fact]
    public void BenchmarkProtocolSectionRunsTheTunedRecipes()
    {
        var r = runs.Solution;
        Assert.True(r.Number("hybridU1Rmse") < r.Number("globalMeanRmse") - 0.1, $"hybrid on the u1-style split {r.Number("hybridU1Rmse"):F4}");
        Assert.True(r.Number("hybridU1Rmse") < r.Number("hybridU1WideRmse"), "the deep path must improve on the wide (MF) path alone");
        Assert.InRange(r.Number("implicitAuc"), 0.75, 1.0);
        Assert.True(r.Number("implicitNdcg10") > 0.2, $"BPR NDCG@10 {r.Number("implicitNdcg10"):F3} (random ranking ≈ 0.01)");
        Assert.Contains("stratified 75/25", r.Text("protocol"));
    }

    [Fact]
    public void DropoutCurvesShowOverfittingWithoutIt()
    {
        var r = runs.Solution;
        Assert.True(r.Number("trainRmseFinal_p0") < r.Number("trainRmseFinal_p07"), "without dropout the training error is lowest");
        Assert.True(r.Number("valRmseFinal_p0") > r.Number("valRmseBest_p0") + 0.02, "without dropout the validation error climbs after its best epoch");
        Assert.True(r.Number("valRmseFinal_p03") < r.Number("valRmseFinal_p0"), "moderate dropout ends better than none");
    }

    [Fact]
    public void ImplicitModelsRankAsTheNarrativeSays()
    {
        var r = runs.Solution;
        Assert.True(r.Number("auc_BPR") > r.Number("auc_popularity"), $"BPR AUC {r.Number("auc_BPR")} vs popularity {r.Number("auc_popularity")}");
        Assert.True(r.Number("ndcg10_BPR") > r.Number("ndcg10_popularity"), "BPR NDCG@10 vs popularity");
        // Positives only: the BCE model can only learn popularity.
        Assert.InRange(r.Number("auc_pqBCEpositivesonly") - r.Number("auc_popularity"), -0.02, 0.02);
        foreach (var name in new[] { "popularity", "pqBCE4negatives", "BPR", "tripletmargin1" })
        {
            Assert.InRange(r.Number($"auc_{name}"), 0.6, 1.0);
            Assert.InRange(r.Number($"p10_{name}"), 0.01, 1.0);
        }
        Assert.True(r.Number("buggyRmse") > r.Number("globalMeanRmse") || double.IsNaN(r.Number("buggyRmse")), "the buggy model must be visibly broken");
    }

    [Fact]
    public void SolutionsScoreFullMarks()
        => runs.AssertSolutionScoresFullMarks(3);

    [Fact]
    public void StudentCopyScoresZeroWithNotImplementedMessages()
        => runs.AssertStudentCopyScoresZero();
}
