using System.Text.Json;
using RecCourse.Notebooks.Tests.TestSupport;
using Xunit.Abstractions;

namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// notebooks/06_context_aware.ipynb on DePaulMovie (RECCOURSE_DEPAUL): every claim the text makes about
/// DePaulMovie holds on what the lesson records. Skipped, saying why, when the file is absent.
/// </summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson06DePaulTests(Lesson06DePaulTests.Run run, ITestOutputHelper output) : IClassFixture<Lesson06DePaulTests.Run>
{
    /// <summary>One run of the lesson on DePaulMovie, without hidden tests.</summary>
    public sealed class Run
    {
        private readonly Lazy<LessonRun> lazy = new(() => LessonHarness.RunSolution(Lesson06Tests.FileName,
            new Dictionary<string, string> { ["dataSource"] = JsonSerializer.Serialize(DePaulFactAttribute.RatingsFile) }, hiddenTests: false));

        public LessonRun Value => lazy.Value;
    }

    private LessonRun Lesson()
    {
        var r = run.Value;
        output.WriteLine(r.ToString());
        Assert.True(r.FailedCells.Count == 0, r.FailureSummary);
        Assert.False(r.Flag("synthetic"), "the lesson ran on the synthetic set");
        Assert.Equal("DePaulMovie", r.Text("dataSource"));
        return r;
    }

    [DePaulFact]
    public void DataSectionClaimsHold()
    {
        var r = Lesson();
        Assert.InRange(r.Number("unknownShare"), 0.27, 0.31);
        Assert.InRange(r.Number("unknownMeanGap"), 0.2, 0.45);
        Assert.True(r.Number("largestConditionGap") > 0.15, $"largest condition gap {r.Number("largestConditionGap"):F3}");
        Assert.True(r.Number("weekendOverWeekdayMeans") > 0.15, $"Weekend − Weekday means {r.Number("weekendOverWeekdayMeans"):F3}");
        Assert.True(r.Number("partnerOverFamilyMeans") > 0.15, $"Partner − Family means {r.Number("partnerOverFamilyMeans"):F3}");
    }

    [DePaulFact]
    public void SplittingFindsUserEffectsButNoVariantBeatsMf()
    {
        var r = Lesson();
        double mf = r.Number("mfTestRmse");
        Assert.True(r.Number("preFilterTestRmse") > mf, $"pre-filtering {r.Number("preFilterTestRmse"):F4} vs MF {mf:F4}");
        Assert.True(r.Number("itemSplits") < 2 * r.Number("itemSplitsShuffled"), $"{r.Number("itemSplits")} item splits, {r.Number("itemSplitsShuffled")} on the shuffled copy");
        Assert.True(r.Number("userSplits") > 2.5 * r.Number("userSplitsShuffled"), $"{r.Number("userSplits")} user splits, {r.Number("userSplitsShuffled")} on the shuffled copy");
        Assert.True(r.Number("strictUserSplits") > 5 * Math.Max(1, r.Number("strictUserSplitsShuffled")), $"{r.Number("strictUserSplits")} user splits at the strict α");
        foreach (var name in new[] { "itemSplitTestRmse", "userSplitTestRmse", "uiSplitTestRmse" })
            Assert.True(r.Number(name) > mf + 0.01, $"{name} {r.Number(name):F4} vs MF {mf:F4}");
        Assert.True(r.Number("strictItemSplitTestRmse") > mf - 0.005, $"strict item splitting {r.Number("strictItemSplitTestRmse"):F4} vs MF {mf:F4}");
        Assert.True(r.Number("relevanceSd") < 1.15 * r.Number("relevanceSdShuffled"), "P(Cinema | i) spread vs chance");
    }

    [DePaulFact]
    public void EveryCamfBeatsMfAndCamfCuWins()
    {
        var r = Lesson();
        double mf = r.Number("mfTestRmse"), c = r.Number("camfCTestRmse"), ci = r.Number("camfCiTestRmse"), cu = r.Number("camfCuTestRmse");
        Assert.True(c < mf && ci < mf && cu < mf, $"CAMF-C {c:F4}, CI {ci:F4}, CU {cu:F4} vs MF {mf:F4}");
        Assert.True(cu < Math.Min(c, ci), $"CAMF-CU {cu:F4} should beat CAMF-C {c:F4} and CI {ci:F4}");
        Assert.True(r.Number("camfCPartnerOverFamily") > 0.1, $"Partner − Family deviation {r.Number("camfCPartnerOverFamily"):F3}");
        Assert.InRange(r.Number("camfCWeekendOverWeekday"), -0.1, 0.5 * r.Number("weekendOverWeekdayMeans"));
        Assert.True(r.Number("camfCMeanDeviation") < 0, $"mean CAMF-C deviation {r.Number("camfCMeanDeviation"):F3}");
        Assert.InRange(r.Number("yourStepCamfCiTestRmse"), ci - 0.01, ci + 0.01);
    }
}
