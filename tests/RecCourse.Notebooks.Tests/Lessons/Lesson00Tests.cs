namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>notebooks/00_setup: runs clean on the synthetic set, records its counts, round-trips through assign → grade.</summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson00Tests(Lesson00Tests.Fixture fixture) : IClassFixture<Lesson00Tests.Fixture>
{
    public sealed class Fixture() : LessonFixture("00_setup.ipynb");

    [Fact]
    public void Runs_without_failing_cells() => Assert.True(fixture.Solution.FailedCells.Count == 0, fixture.Solution.FailureSummary);

    [Fact]
    public void Records_the_synthetic_data_counts()
    {
        var run = fixture.Solution;
        Assert.True(run.Flag("synthetic"));
        // The synthetic generator's documented defaults: 1000 users, 1700 items, exactly 100 000 ratings of 1–5 stars.
        Assert.Equal(100_000, run.Number("ratings"));
        Assert.Equal(1000, run.Number("users"));
        Assert.Equal(1700, run.Number("items"));
        Assert.InRange(run.Number("meanRating"), 3.0, 4.0);
        Assert.InRange(run.Number("activeUsers"), 1, 999);
        // A long tail: the 10 % most-rated items carry far more than 10 % of the ratings.
        Assert.InRange(run.Number("topItemShare"), 0.2, 0.9);
    }

    [Fact]
    public void Solution_scores_full_marks_with_three_exercises()
        => fixture.AssertSolutionScoresFullMarks(3);

    [Fact]
    public void Student_copy_scores_zero_with_not_implemented_messages()
        => fixture.AssertStudentCopyScoresZero();
}
