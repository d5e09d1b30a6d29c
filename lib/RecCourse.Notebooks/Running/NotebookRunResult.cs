using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.Running;

/// <summary>An executed notebook (a copy of the input with outputs) and per-cell summaries.</summary>
public sealed class NotebookRunResult
{
    /// <summary>The executed copy; the input notebook object is not modified.</summary>
    public required Notebook Executed { get; init; }

    /// <summary>One entry per code cell that was run, in order.</summary>
    public required IReadOnlyList<CellRunInfo> Cells { get; init; }

    /// <summary>Wall time of the whole notebook.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>True when every code cell succeeded.</summary>
    public bool Succeeded => Cells.All(c => c.Succeeded);

    /// <summary>Number of failed cells.</summary>
    public int FailedCount => Cells.Count(c => !c.Succeeded);
}
