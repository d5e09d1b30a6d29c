namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// notebooks/06_context_aware.ipynb on the synthetic set: runs cleanly, every claim its text makes about
/// the synthetic set holds on what it records, and the assign → grade round trip gives full marks / zero.
/// The claims about DePaulMovie are checked by <see cref="Lesson06DePaulTests"/> when the file is present.
/// </summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson06Tests(Lesson06Tests.Runs runs) : IClassFixture<Lesson06Tests.Runs>
{
    public const string FileName = "06_context_aware.ipynb";

    /// <summary>The solution run (notebook + hidden tests) once and the student copy graded once, shared by the tests.</summary>
    public sealed class Runs() : LessonFixture(Lesson06Tests.FileName, new Dictionary<string, string> { ["epochs"] = "2" });

    [Fact]
    public void EveryCellSucceeds()
    {
        Assert.True(runs.Solution.FailedCells.Count == 0, runs.Solution.FailureSummary);
        Assert.True(runs.Solution.Cells.Count >= 20, $"only {runs.Solution.Cells.Count} code cells ran");
    }

    [Fact]
    public void ConditionMeansHideThePlantedEffects()
    {
        var r = runs.Solution;
        Assert.True(r.Flag("synthetic"));
        Assert.True(r.Number("largestConditionGap") < 0.1, $"largest gap between condition means {r.Number("largestConditionGap"):F3} (§1: within a tenth of a star)");
        Assert.Equal(0, r.Number("unknownShare"));
    }

    [Fact]
    public void ItemSplittingFindsThePlantedEffectsAmongManyChanceSplits()
    {
        var r = runs.Solution;
        double planted = r.Number("plantedEffects");
        Assert.True(planted >= 20, $"{planted} planted item × condition effects");
        Assert.InRange(r.Number("plantedEffectsFound"), planted - 2, planted);
        // α = 0.05: most splits are on items without an effect, and the shuffled copy gets almost as many.
        double splits = r.Number("itemSplits");
        Assert.True(r.Number("spuriousItemSplits") > 0.5 * splits, $"{r.Number("spuriousItemSplits")} spurious of {splits} splits");
        Assert.True(r.Number("itemSplitsShuffled") > 0.6 * splits, $"{r.Number("itemSplitsShuffled")} chance splits against {splits}");
        // The strict α keeps most planted effects and nearly no chance splits.
        double strictFound = r.Number("plantedEffectsFoundStrict"), strictSplits = r.Number("strictItemSplits");
        Assert.True(strictFound >= 0.75 * planted, $"{strictFound} of {planted} found at the strict α");
        Assert.True(r.Number("strictItemSplitsShuffled") <= 0.2 * strictSplits, $"{r.Number("strictItemSplitsShuffled")} chance splits against {strictSplits} at the strict α");
        // No user effect was planted: user splitting makes about as many splits as on its shuffled copy.
        Assert.InRange(r.Number("userSplitsShuffled"), 0.7 * r.Number("userSplits"), 1.3 * r.Number("userSplits"));
    }

    [Fact]
    public void PreFilteringAndSplittingBehaveAsTheTextSays()
    {
        var r = runs.Solution;
        double mf = r.Number("mfTestRmse");
        Assert.InRange(mf, 0.6, 0.95);
        Assert.True(r.Number("preFilterTestRmse") > mf, $"pre-filtering {r.Number("preFilterTestRmse"):F4} vs MF {mf:F4}");
        double mfPlanted = r.Number("mfPlantedEffectRmse");
        Assert.True(r.Number("itemSplitPlantedEffectRmse") < mfPlanted - 0.05, $"item splitting {r.Number("itemSplitPlantedEffectRmse"):F4} vs MF {mfPlanted:F4} on planted-effect ratings");
        Assert.True(r.Number("itemSplitTestRmse") > mf, $"item splitting at α = 0.05 {r.Number("itemSplitTestRmse"):F4} should lose to MF {mf:F4}");
        Assert.True(r.Number("strictItemSplitTestRmse") < mf, $"strict item splitting {r.Number("strictItemSplitTestRmse"):F4} should beat MF {mf:F4}");
        Assert.True(r.Number("userSplitTestRmse") > mf, $"user splitting {r.Number("userSplitTestRmse"):F4} vs MF {mf:F4}");
        Assert.True(r.Number("uiSplitTestRmse") > r.Number("itemSplitTestRmse"), $"UI splitting {r.Number("uiSplitTestRmse"):F4} vs item splitting {r.Number("itemSplitTestRmse"):F4}");
    }

    [Fact]
    public void ContextualRelevanceVariesNoMoreThanChance()
    {
        var r = runs.Solution;
        Assert.True(r.Number("relevanceSd") < 1.15 * r.Number("relevanceSdShuffled"), $"spread {r.Number("relevanceSd"):F4} vs {r.Number("relevanceSdShuffled"):F4} shuffled");
    }

    [Fact]
    public void CamfCiWinsAndCamfCLearnsSmallGlobalDeviations()
    {
        var r = runs.Solution;
        double mf = r.Number("mfTestRmse"), c = r.Number("camfCTestRmse"), ci = r.Number("camfCiTestRmse"), cu = r.Number("camfCuTestRmse");
        Assert.True(ci < c && ci < cu, $"CAMF-CI {ci:F4} should beat CAMF-C {c:F4} and CAMF-CU {cu:F4}");
        Assert.True(ci < mf - 0.002, $"CAMF-CI {ci:F4} vs MF {mf:F4}");
        Assert.True(cu >= mf, $"CAMF-CU {cu:F4} should not beat MF {mf:F4}");
        Assert.True(r.Number("camfCiPlantedEffectRmse") < r.Number("mfPlantedEffectRmse") - 0.05, "CAMF-CI on planted-effect ratings");
        double[] companion = [r.Number("camfCPartnerOverFamily"), r.Number("camfCFamilyOverAlone")];
        double[] others = [r.Number("camfCWeekendOverWeekday"), r.Number("camfCCinemaOverHome")];
        Assert.All(companion.Concat(others), d => Assert.True(Math.Abs(d) < 0.1, $"CAMF-C difference {d:F3}"));
        Assert.True(companion.Max(Math.Abs) > others.Max(Math.Abs), "the largest CAMF-C difference should be on Companion");
    }

    [Fact]
    public void TheExerciseStepTrainsACamfCiCloseToTheLibrarys()
    {
        var r = runs.Solution;
        Assert.InRange(r.Number("yourStepCamfCiTestRmse"), r.Number("camfCiTestRmse") - 0.01, r.Number("camfCiTestRmse") + 0.01);
        Assert.True(r.Number("yourStepPlantedEffectRmse") < r.Number("mfPlantedEffectRmse") - 0.05, "your step's CAMF-CI on planted-effect ratings");
    }

    [Fact]
    public void SolutionsScoreFullMarks()
        => runs.AssertSolutionScoresFullMarks(5);

    [Fact]
    public void StudentCopyScoresZeroWithNotImplementedMessages()
        => runs.AssertStudentCopyScoresZero();
}
