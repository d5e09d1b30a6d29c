using System.Diagnostics;
using RecCourse.Notebooks.Kernel;
using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.Running;

/// <summary>
/// Runs a notebook's C# cells in order in one <see cref="ScriptSession"/>: outputs replace the old
/// ones, markdown (and code cells starting with <c>#!markdown</c>) is kept, a failing cell does not
/// stop later cells.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs every code cell of <paramref name="notebook"/>; returns an executed copy.</summary>
    public static NotebookRunResult Run(Notebook notebook, RunOptions? options = null)
    {
        options ??= new RunOptions();
        var clock = Stopwatch.StartNew();
        var executed = notebook.Clone();
        var session = new ScriptSession(notebook.BaseDirectory, options.CellTimeout);
        var infos = new List<CellRunInfo>();
        var count = 0;
        for (var i = 0; i < executed.Cells.Count; i++)
        {
            var cell = executed.Cells[i];
            if (cell.Kind != CellKind.Code || IsMarkdownMagic(cell.Source)) continue;
            cell.Outputs.Clear();
            cell.ExecutionCount = ++count;
            options.CellStarting?.Invoke(i + 1, executed.Cells.Count);
            CellRunInfo info;
            if (cell.Language is not ("csharp" or "C#" or "c#"))
            {
                var message = $"cell {i + 1}: kernel '{cell.Language}' is not supported by the RecCourse runner (C# only)";
                cell.Outputs.Add(CellOutput.Error(message, [message]));
                info = new CellRunInfo(i + 1, false, TimeSpan.Zero, message, false);
            }
            else
            {
                var result = session.Execute(cell.Source, $"cell {i + 1}");
                cell.Outputs.AddRange(result.Outputs);
                info = new CellRunInfo(i + 1, result.Succeeded, result.Duration, result.Error, result.TimedOut);
            }
            infos.Add(info);
            options.CellFinished?.Invoke(info);
        }
        return new NotebookRunResult { Executed = executed, Cells = infos, Duration = clock.Elapsed };
    }

    /// <summary>A code cell whose first non-blank line is <c>#!markdown</c> holds prose, not code.</summary>
    public static bool IsMarkdownMagic(string source) =>
        source.TrimStart().StartsWith("#!markdown", StringComparison.Ordinal);
}
