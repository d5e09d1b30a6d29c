namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// notebooks/01_embeddings on the synthetic set: clean run, every claim of the text checked on what the
/// lesson records, assign → grade round trip. The MovieLens claims are in <see cref="Lesson01MovieLensTests"/>.
/// </summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson01Tests(Lesson01Tests.Fixture fixture) : IClassFixture<Lesson01Tests.Fixture>
{
    public const string FileName = "01_embeddings.ipynb";

    public sealed class Fixture() : LessonFixture(Lesson01Tests.FileName, new Dictionary<string, string> { ["alsIterations"] = "2", ["tsneIterations"] = "250" });

    [Fact]
    public void Runs_without_failing_cells() => Assert.True(fixture.Solution.FailedCells.Count == 0, fixture.Solution.FailureSummary);

    [Fact]
    public void One_hot_vectors_are_sqrt2_apart_and_nn_Embedding_equals_the_product()
    {
        var run = fixture.Solution;
        Assert.InRange(run.Number("oneHotDistance"), Math.Sqrt(2) - 1e-6, Math.Sqrt(2) + 1e-6);
        Assert.InRange(run.Number("smallMaxDiff"), 0, 1e-6);
        Assert.InRange(run.Number("lookupMaxDiff"), 0, 1e-5);
        // The product does n multiply-adds per number the lookup copies; the measured speed-up is printed, not asserted.
        Assert.Equal(50_000, run.Number("multiplyAddsPerCopy"));
        Assert.Equal(run.Number("distinctIds"), run.Number("rowsWithGradient"));
        Assert.InRange(run.Number("distinctIds"), 200, 256);
    }

    [Fact]
    public void Random_centred_vectors_are_nearly_orthogonal_and_uniform_ones_are_not()
    {
        var run = fixture.Solution;
        Assert.True(run.Number("randomCosineMeanMaxAbs") < 0.06, $"largest |mean cosine| {run.Number("randomCosineMeanMaxAbs"):F4}");
        Assert.True(run.Number("randomCosineStdOverSqrtD") < 0.1, $"std·√d off by {run.Number("randomCosineStdOverSqrtD"):F3}");
        Assert.InRange(run.Number("uniformCosine2048"), 0.74, 0.76);
        // The learned neighbours' cosines are only a little above the random top matches.
        double learned = run.Number("learnedTopCosine"), random = run.Number("randomTopCosine");
        Assert.InRange(random, 0.4, 0.6);
        Assert.InRange(learned, random, random + 0.2);
    }

    [Fact]
    public void Learned_neighbours_share_planted_genres_and_the_metrics_disagree()
    {
        var run = fixture.Solution;
        Assert.True(run.Number("learnedGenreAgreement") > run.Number("randomGenreAgreement") + 0.1,
            $"learned {run.Number("learnedGenreAgreement"):F3} vs random {run.Number("randomGenreAgreement"):F3}");
        Assert.InRange(run.Number("learnedGenreAgreement"), run.Number("plantedGenreAgreement") - 0.05, run.Number("plantedGenreAgreement") + 0.02);
        Assert.InRange(run.Number("cosineEuclideanOverlap"), 0.05, 0.95);   // they disagree, but not completely
        Assert.True(run.Number("normVsCountSpearman") < -0.1, $"norm vs count {run.Number("normVsCountSpearman"):F2} (negative on the synthetic set)");
        Assert.True(run.Number("euclideanNeighbourMedianRatings") > run.Number("cosineNeighbourMedianRatings"), "on the synthetic set the euclidean neighbours are more rated");
    }

    [Fact]
    public void Tsne_keeps_neighbours_better_than_pca_but_not_the_global_layout()
    {
        var run = fixture.Solution;
        Lesson01Claims.TsneClaimsHold(run);
    }

    [Fact]
    public void Iterations_matter_more_than_perplexity()
        => Lesson01Claims.SweepClaimsHold(fixture.Solution);

    [Fact]
    public void Solution_scores_full_marks_with_four_exercises()
        => fixture.AssertSolutionScoresFullMarks(4);

    [Fact]
    public void Student_copy_scores_zero_with_not_implemented_messages()
        => fixture.AssertStudentCopyScoresZero();
}
