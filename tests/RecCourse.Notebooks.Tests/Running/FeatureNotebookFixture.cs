using RecCourse.Notebooks.IO;
using RecCourse.Notebooks.Running;

namespace RecCourse.Notebooks.Tests.Running;

/// <summary>Runs TestNotebooks/Features.ipynb once (cell timeout 8 s: short enough for the endless-loop cell, long enough that ordinary cells never hit it on a loaded 2-core machine) for every test of the class.</summary>
public sealed class FeatureNotebookFixture
{
    public FeatureNotebookFixture()
    {
        Result = NotebookRunner.Run(NotebookReader.Read(TestPaths.Notebook("Features.ipynb")),
            new RunOptions { CellTimeout = TimeSpan.FromSeconds(8) });
    }

    public NotebookRunResult Result { get; }
}
