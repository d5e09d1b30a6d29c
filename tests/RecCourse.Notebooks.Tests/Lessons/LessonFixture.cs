using RecCourse.Notebooks.Grading;

namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// Shared state of one LessonNNTests class: the solution run and the student copy's grades, each
/// computed once, on first use, with <see cref="LessonHarness"/> on the synthetic data.
/// </summary>
public abstract class LessonFixture(string fileName)
{
    private readonly Lazy<LessonRun> solution = new(() => LessonHarness.RunSolution(fileName));
    private readonly Lazy<GradeReport> student = new(() => LessonHarness.GradeStudentCopy(fileName));

    public string FileName => fileName;

    public LessonRun Solution => solution.Value;

    public GradeReport Student => student.Value;
}
