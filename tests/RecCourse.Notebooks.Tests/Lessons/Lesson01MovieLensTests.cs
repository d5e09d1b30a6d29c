using System.Text.Json;
using RecCourse.Notebooks.Tests.TestSupport;
using Xunit.Abstractions;

namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// notebooks/01_embeddings on MovieLens 100k (RECCOURSE_ML100K): real titles, and the claims the text
/// makes about MovieLens hold on what the lesson records. Skipped, saying why, without the data.
/// </summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson01MovieLensTests(Lesson01MovieLensTests.Run run, ITestOutputHelper output) : IClassFixture<Lesson01MovieLensTests.Run>
{
    /// <summary>One run of the lesson on MovieLens 100k, without hidden tests.</summary>
    public sealed class Run
    {
        private readonly Lazy<LessonRun> lazy = new(() => LessonHarness.RunSolution(Lesson01Tests.FileName,
            new Dictionary<string, string> { ["dataSource"] = JsonSerializer.Serialize(Ml100kFactAttribute.Ml100kDir) }, hiddenTests: false));

        public LessonRun Value => lazy.Value;
    }

    private LessonRun Lesson()
    {
        var r = run.Value;
        output.WriteLine(r.ToString());
        Assert.True(r.FailedCells.Count == 0, r.FailureSummary);
        Assert.False(r.Flag("synthetic"), "the lesson ran on the synthetic set");
        return r;
    }

    [Ml100kFact]
    public void Neighbour_table_shows_real_titles()
    {
        var r = Lesson();
        var text = string.Join("\n", r.Executed.Cells.SelectMany(c => c.Outputs).SelectMany(o => o.Data.Values.Append(o.PlainText)));
        Assert.Contains("Star Wars (1977)", text);
        Assert.DoesNotContain("Synthetic Movie", text);
    }

    [Ml100kFact]
    public void Neighbour_and_norm_claims_hold()
    {
        var r = Lesson();
        Assert.True(r.Number("learnedGenreAgreement") > r.Number("randomGenreAgreement") + 0.08,
            $"learned {r.Number("learnedGenreAgreement"):F3} vs random {r.Number("randomGenreAgreement"):F3}");
        Assert.InRange(r.Number("learnedTopCosine"), r.Number("randomTopCosine"), r.Number("randomTopCosine") + 0.2);
        Assert.InRange(r.Number("normVsCountSpearman"), 0, 0.3);   // weakly positive on MovieLens
        Assert.InRange(r.Number("cosineEuclideanOverlap"), 0.05, 0.95);
        Assert.True(r.Number("euclideanNeighbourMedianRatings") < 0.5 * r.Number("cosineNeighbourMedianRatings"), "on MovieLens the euclidean neighbours are much less rated");
        Assert.Equal(r.Number("distinctIds"), r.Number("rowsWithGradient"));
    }

    [Ml100kFact]
    public void Tsne_claims_hold() => Lesson01Claims.TsneClaimsHold(Lesson());

    [Ml100kFact]
    public void Iterations_matter_more_than_perplexity() => Lesson01Claims.SweepClaimsHold(Lesson());
}
