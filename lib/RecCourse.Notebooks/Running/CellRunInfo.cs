namespace RecCourse.Notebooks.Running;

/// <summary>Summary of one executed code cell.</summary>
/// <param name="Number">1-based position of the cell in the notebook (markdown cells count).</param>
/// <param name="Succeeded">Compiled and ran without exception or timeout.</param>
/// <param name="Duration">Wall time.</param>
/// <param name="Error">The error message, null on success.</param>
/// <param name="TimedOut">Ran past the cell timeout.</param>
public sealed record CellRunInfo(int Number, bool Succeeded, TimeSpan Duration, string? Error, bool TimedOut);
