namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>notebooks/03_matrix_factorisation on the synthetic set: model quality bounds, readings of the model, assign → grade round trip.</summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson03Tests(Lesson03Tests.Fixture fixture) : IClassFixture<Lesson03Tests.Fixture>
{
    public sealed class Fixture() : LessonFixture("03_matrix_factorisation.ipynb", new Dictionary<string, string> { ["epochs"] = "2", ["alsIterations"] = "2" });

    private double N(string name) => fixture.Solution.Number(name);

    [Fact]
    public void Runs_without_failing_cells() => Assert.True(fixture.Solution.FailedCells.Count == 0, fixture.Solution.FailureSummary);

    [Fact]
    public void Mf_and_als_beat_the_global_mean_by_a_margin()
    {
        // The synthetic ratings carry N(0, 0.6²) noise plus rounding, so no model gets far below 0.7.
        Assert.True(N("mfTestRmse") < N("baselineRmse") - 0.1, $"MF {N("mfTestRmse"):F4} vs baseline {N("baselineRmse"):F4}");
        Assert.True(N("alsTestRmse") < N("baselineRmse") - 0.1, $"ALS {N("alsTestRmse"):F4} vs baseline {N("baselineRmse"):F4}");
        Assert.True(N("mfTestMae") < N("mfTestRmse"), "MAE ≤ RMSE always");
        Assert.True(N("sgdBestRmse") < N("baselineRmse"), "SGD should learn something");
        Assert.True(fixture.Solution.Flag("alsLossMonotone"), "ALS half-steps are exact minimisers: the loss cannot increase");
        Assert.InRange(N("exerciseTestRmse"), 0.5, 0.80);
        Assert.True(N("alsU1Rmse") < N("u1BaselineRmse") - 0.1, "tuned ALS on the u1-style split");
        Assert.True(N("mfU1Rmse") < N("u1BaselineRmse") - 0.1, "tuned MF (seeds averaged) on the u1-style split");
        Assert.True(N("mfReferenceU1Rmse") < N("u1BaselineRmse") - 0.1, "reference MF on the u1-style split");
    }

    [Fact]
    public void Wals_ranks_better_than_popularity()
    {
        Assert.True(N("walsPrecision10") > N("popularityPrecision10"), $"P@10 {N("walsPrecision10"):F3} vs {N("popularityPrecision10"):F3}");
        Assert.True(N("walsNdcg10") > N("popularityNdcg10"));
        Assert.InRange(N("walsAuc"), 0.75, 1.0);
    }

    [Fact]
    public void Biases_and_factors_recover_planted_structure()
    {
        Assert.True(N("itemBiasVsTruthSpearman") > 0.6, $"learned vs planted item biases: {N("itemBiasVsTruthSpearman"):F2}");
        Assert.InRange(N("pcaExplainedVariance2"), 0.05, 1.0);
        Assert.True(N("pcaGenreAgreement") > 0.2, "the 2-D PCA map should keep some genre neighbourhoods");
    }

    [Fact]
    public void Cold_items_are_predicted_worse_and_a_few_ratings_help()
    {
        Assert.True(N("coldItemRmse") > N("warmItemRmse") + 0.2, $"cold {N("coldItemRmse"):F3} vs warm {N("warmItemRmse"):F3}");
        Assert.True(N("fewRatingsItemRmse") < N("coldItemRmse") - 0.1);
    }

    [Fact]
    public void Solution_scores_full_marks_with_three_exercises()
        => fixture.AssertSolutionScoresFullMarks(3);

    [Fact]
    public void Student_copy_scores_zero_with_not_implemented_messages()
        => fixture.AssertStudentCopyScoresZero();
}
