using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.Grading;

/// <summary>
/// Makes the student copy of a source notebook: every <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c>
/// region becomes <c>throw new NotImplementedException("Exercise &lt;id&gt;: &lt;title&gt;");</c> (same
/// indentation), outputs and execution counts are cleared, exercise markers stay so the grader finds them.
/// Hidden tests live in a separate file and are never part of the copy.
/// </summary>
public static class StudentCopy
{
    /// <summary>The student copy; <paramref name="source"/> is not modified.</summary>
    /// <exception cref="InvalidOperationException">Unbalanced markers or a region with no exercise before it (message names cell and line).</exception>
    public static Notebook Make(Notebook source)
    {
        var copy = source.Clone();
        Exercise? current = null;
        for (var i = 0; i < copy.Cells.Count; i++)
        {
            var cell = copy.Cells[i];
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
            if (cell.Kind != CellKind.Code) continue;
            var lines = cell.Source.Split('\n');
            var output = new List<string>();
            var inSolution = false;
            for (var n = 0; n < lines.Length; n++)
            {
                var line = lines[n];
                var trimmed = line.Trim();
                if (ExerciseMarkers.ParseMarker(line, i + 1) is { } marker) current = marker;
                if (trimmed == ExerciseMarkers.BeginSolution)
                {
                    if (inSolution) throw Error(source, i, n, "nested // BEGIN SOLUTION");
                    if (current is null) throw Error(source, i, n, "// BEGIN SOLUTION with no '// Exercise <id>: <title>' line before it");
                    inSolution = true;
                    var indent = line[..(line.Length - line.TrimStart().Length)];
                    output.Add($"{indent}throw new NotImplementedException(\"Exercise {current.Id}: {current.Title.Replace("\"", "\\\"")}\");");
                    continue;
                }
                if (trimmed == ExerciseMarkers.EndSolution)
                {
                    if (!inSolution) throw Error(source, i, n, "// END SOLUTION without // BEGIN SOLUTION");
                    inSolution = false;
                    continue;
                }
                if (!inSolution) output.Add(line);
            }
            if (inSolution) throw Error(source, i, lines.Length - 1, "// BEGIN SOLUTION is never closed by // END SOLUTION");
            cell.Source = string.Join("\n", output);
        }
        return copy;
    }

    private static InvalidOperationException Error(Notebook nb, int cell, int line, string what) =>
        new($"{nb.Path}: cell {cell + 1}, line {line + 1}: {what}");
}
