namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>notebooks/01_embeddings on the synthetic set: clean run, measured claims of the lesson, assign → grade round trip.</summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson01Tests(Lesson01Tests.Fixture fixture) : IClassFixture<Lesson01Tests.Fixture>
{
    public sealed class Fixture() : LessonFixture("01_embeddings.ipynb", new Dictionary<string, string> { ["alsIterations"] = "2", ["tsneIterations"] = "250" });

    [Fact]
    public void Runs_without_failing_cells() => Assert.True(fixture.Solution.FailedCells.Count == 0, fixture.Solution.FailureSummary);

    [Fact]
    public void One_hot_vectors_are_sqrt2_apart_and_lookup_equals_the_product()
    {
        var run = fixture.Solution;
        Assert.InRange(run.Number("oneHotDistance"), Math.Sqrt(2) - 1e-6, Math.Sqrt(2) + 1e-6);
        Assert.InRange(run.Number("lookupMaxDiff"), 0, 1e-5);
        // The product does n/1 times the work of the lookup: far slower, whatever the machine load.
        Assert.True(run.Number("lookupSpeedup") > 100, $"lookup only {run.Number("lookupSpeedup"):F0}× faster");
    }

    [Fact]
    public void Learned_neighbours_share_planted_genres_more_than_random_ones()
    {
        var run = fixture.Solution;
        Assert.True(run.Number("learnedGenreAgreement") > run.Number("randomGenreAgreement") + 0.1,
            $"learned {run.Number("learnedGenreAgreement"):F3} vs random {run.Number("randomGenreAgreement"):F3}");
        Assert.InRange(run.Number("cosineEuclideanOverlap"), 0.05, 0.95);   // they disagree, but not completely
    }

    [Fact]
    public void Tsne_keeps_neighbours_better_than_pca_but_not_the_global_layout()
    {
        var run = fixture.Solution;
        var random = 10.0 / 399;
        Assert.True(run.Number("tsnePreservation") > run.Number("pcaPreservation"), "t-SNE should keep more neighbourhoods than PCA");
        Assert.True(run.Number("tsnePreservationOtherSeed") > 5 * random, "the other seed keeps neighbourhoods too");
        Assert.True(run.Number("pcaGlobalCorrelation") > run.Number("tsneGlobalCorrelation"), "PCA should keep global distances better");
        Assert.True(run.Number("tsneSeedToSeedCorrelation") < 0.8, "two seeds should give different global layouts");
    }

    [Fact]
    public void Solution_scores_full_marks_with_four_exercises()
        => fixture.AssertSolutionScoresFullMarks(4);

    [Fact]
    public void Student_copy_scores_zero_with_not_implemented_messages()
        => fixture.AssertStudentCopyScoresZero();
}
