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
}
