namespace RecCourse.Notebooks.Grading;

/// <summary>
/// A graded exercise, declared in a source notebook by a comment line
/// <c>// Exercise 3.2: Title (2 points)</c> (points optional, default 1) in the code cell that holds
/// its <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c> region.
/// </summary>
/// <param name="Id">Dotted id, e.g. "3.2".</param>
/// <param name="Title">Short title shown in messages and stubs.</param>
/// <param name="Points">Maximum points (≥ 0).</param>
/// <param name="CellNumber">1-based number of the cell holding the marker; 0 when known only from the hidden tests.</param>
public sealed record Exercise(string Id, string Title, double Points, int CellNumber);
