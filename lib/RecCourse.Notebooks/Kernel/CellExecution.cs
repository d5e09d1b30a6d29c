using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.Kernel;

/// <summary>What running one cell produced.</summary>
public sealed class CellExecution
{
    /// <summary>Outputs in order (streams, displays, the trailing value, errors).</summary>
    public required IReadOnlyList<CellOutput> Outputs { get; init; }

    /// <summary>True when the cell compiled and ran without an exception or timeout.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The error output's message (compile error, exception or timeout); null on success.</summary>
    public string? Error { get; init; }

    /// <summary>True when the cell ran past its timeout.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Wall time of compile + run.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Concatenated stdout text.</summary>
    public string StandardOutput => string.Concat(Outputs.Where(o => o is { OutputType: "stream", StreamName: "stdout" }).Select(o => o.Text));
}
