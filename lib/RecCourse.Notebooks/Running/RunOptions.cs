namespace RecCourse.Notebooks.Running;

/// <summary>Settings of a notebook run.</summary>
public sealed class RunOptions
{
    /// <summary>Longest wall time of one cell; default 120 s.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Called before each code cell runs: (1-based cell number, number of cells).</summary>
    public Action<int, int>? CellStarting { get; init; }

    /// <summary>Called after each code cell with its summary.</summary>
    public Action<CellRunInfo>? CellFinished { get; init; }
}
