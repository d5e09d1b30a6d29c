namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// The lesson notebook tests run one after another, and after the parallel tests: each notebook uses
/// both cores, and running two at once would only make both slower.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LessonCollection
{
    public const string Name = "Lesson notebooks";
}
