namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// notebooks/06_context_aware.ipynb on the synthetic set: runs cleanly, finds the planted context
/// effects, CAMF-CI beats MF, and the assign → grade round trip gives full marks / zero.
/// </summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson06Tests(Lesson06Tests.Runs runs) : IClassFixture<Lesson06Tests.Runs>
{
    private const string FileName = "06_context_aware.ipynb";

    /// <summary>The solution run (notebook + hidden tests) once and the student copy graded once, shared by the tests.</summary>
    public sealed class Runs() : LessonFixture(Lesson06Tests.FileName);

    [Fact]
    public void EveryCellSucceeds()
    {
        Assert.True(runs.Solution.FailedCells.Count == 0, runs.Solution.FailureSummary);
        Assert.True(runs.Solution.Cells.Count >= 20, $"only {runs.Solution.Cells.Count} code cells ran");
    }

    [Fact]
    public void ItemSplittingFindsEveryPlantedContextEffect()
    {
        var r = runs.Solution;
        double planted = r.Number("plantedEffects");
        Assert.True(planted >= 20, $"{planted} planted item × condition effects");
        // Nearly every planted item × condition effect is found, on the planted condition and sign.
        Assert.InRange(r.Number("plantedEffectsFound"), planted - 2, planted);
        // A strict α keeps most real effects, and they are the majority of its splits.
        double strictFound = r.Number("plantedEffectsFoundStrict"), strictSplits = r.Number("strictItemSplits");
        Assert.True(strictFound >= 0.75 * planted, $"{strictFound} of {planted} found at α = 1e-4");
        Assert.True(strictFound > 0.5 * strictSplits, $"{strictFound} planted among {strictSplits} splits at α = 1e-4");
        // At α = 0.05 thousands of tests give chance splits: the notebook's multiple-testing point.
        Assert.True(r.Number("spuriousItemSplits") > planted, $"{r.Number("spuriousItemSplits")} spurious splits");
    }

    [Fact]
    public void ContextAwareMethodsBehaveAsTheNarrativeSays()
    {
        var r = runs.Solution;
        double mf = r.Number("mfTestRmse");
        Assert.InRange(mf, 0.6, 0.95);
        Assert.True(r.Number("camfCiTestRmse") < mf - 0.002, $"CAMF-CI {r.Number("camfCiTestRmse"):F4} vs MF {mf:F4}");
        Assert.True(r.Number("camfCTestRmse") < mf + 0.005, $"CAMF-C {r.Number("camfCTestRmse"):F4} vs MF {mf:F4}");
        // Where context matters, the item-level methods cut the error clearly.
        double mfPlanted = r.Number("mfPlantedEffectRmse");
        Assert.True(r.Number("camfCiPlantedEffectRmse") < mfPlanted - 0.05, $"CAMF-CI {r.Number("camfCiPlantedEffectRmse"):F4} vs MF {mfPlanted:F4} on planted-effect ratings");
        Assert.True(r.Number("itemSplitPlantedEffectRmse") < mfPlanted - 0.05, $"item splitting {r.Number("itemSplitPlantedEffectRmse"):F4} vs MF {mfPlanted:F4} on planted-effect ratings");
        // Exact pre-filtering fragments the data into 12 segments and loses overall.
        Assert.True(r.Number("preFilterTestRmse") > mf, $"pre-filtering {r.Number("preFilterTestRmse"):F4} vs MF {mf:F4}");
    }

    [Fact]
    public void SolutionsScoreFullMarks()
        => runs.AssertSolutionScoresFullMarks(3);

    [Fact]
    public void StudentCopyScoresZeroWithNotImplementedMessages()
        => runs.AssertStudentCopyScoresZero();
}
