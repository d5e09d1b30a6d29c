using RecCourse.Notebooks.Grading;

namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// Shared state of one LessonNNTests class: the solution run and the student copy's grades, each
/// computed once, on first use, with <see cref="LessonHarness"/> on the synthetic data.
/// </summary>
/// <param name="fileName">The notebook in notebooks/.</param>
/// <param name="studentParameters">
/// Extra parameters for the student copy's run only (e.g. fewer epochs): a stub fails before any
/// training it guards, so the student run needs no realistic sizes, only the same cells.
/// </param>
public abstract class LessonFixture(string fileName, IReadOnlyDictionary<string, string>? studentParameters = null)
{
    private readonly Lazy<LessonRun> solution = new(() => LessonHarness.RunSolution(fileName));
    private readonly Lazy<GradeReport> student = new(() => LessonHarness.GradeStudentCopy(fileName,
        studentParameters is null ? null : LessonHarness.Synthetic.Concat(studentParameters).ToDictionary()));

    public string FileName => fileName;

    public LessonRun Solution => solution.Value;

    public GradeReport Student => student.Value;

    /// <summary>The round trip's solution half: at least <paramref name="minExercises"/> exercises, each
    /// graded in notebook order with full points by its hidden tests.</summary>
    public void AssertSolutionScoresFullMarks(int minExercises = 3)
    {
        Assert.True(Solution.Exercises.Count >= minExercises, $"only {Solution.Exercises.Count} exercises in {fileName}");
        Assert.All(Solution.Grades, g => Assert.True(g.Status == "passed" && g.Points == g.Max, $"exercise {g.Id}: {g.Status}: {g.Message}"));
        Assert.Equal(Solution.Exercises.Select(e => e.Id), Solution.Grades.Select(g => g.Id));
    }

    /// <summary>The round trip's student half: the copy made by <c>reccourse assign</c> has the same
    /// exercises and points, scores zero, and every message names the stub's NotImplementedException.</summary>
    public void AssertStudentCopyScoresZero()
    {
        Assert.Equal(Solution.Exercises.Count, Student.Exercises.Count);
        Assert.Equal(Solution.Grades.Sum(g => g.Max), Student.Max);
        Assert.Equal(0.0, Student.Total);
        Assert.All(Student.Exercises, e => Assert.Contains("NotImplementedException", e.Message, StringComparison.Ordinal));
    }
}
