using RecCourse.Notebooks.IO;
using RecCourse.Notebooks.Running;

namespace RecCourse.Notebooks.Tests.Running;

/// <summary>Runs TestNotebooks/Features.ipynb once (cell timeout 2 s) for every test of the class.</summary>
public sealed class FeatureNotebookFixture
{
    public FeatureNotebookFixture()
    {
        Result = NotebookRunner.Run(NotebookReader.Read(TestPaths.Notebook("Features.ipynb")),
            new RunOptions { CellTimeout = TimeSpan.FromSeconds(2) });
    }

    public NotebookRunResult Result { get; }
}
