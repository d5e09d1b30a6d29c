using System.Globalization;
using System.Text.RegularExpressions;
using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.Grading;

/// <summary>Finds exercise markers and solution regions in notebook cells.</summary>
public static partial class ExerciseMarkers
{
    /// <summary>Start of a solution region (the whole trimmed line).</summary>
    public const string BeginSolution = "// BEGIN SOLUTION";

    /// <summary>End of a solution region (the whole trimmed line).</summary>
    public const string EndSolution = "// END SOLUTION";

    [GeneratedRegex(@"^\s*//\s*Exercise\s+(?<id>[0-9A-Za-z][\w.\-]*)\s*:\s*(?<title>.*?)\s*(?:\((?<points>\d+(?:\.\d+)?)\s*points?\))?\s*$")]
    internal static partial Regex MarkerLine();

    /// <summary>Parses one line as an exercise marker; null when it is not one.</summary>
    public static Exercise? ParseMarker(string line, int cellNumber)
    {
        var m = MarkerLine().Match(line);
        if (!m.Success) return null;
        var points = m.Groups["points"].Success ? double.Parse(m.Groups["points"].Value, CultureInfo.InvariantCulture) : 1.0;
        return new Exercise(m.Groups["id"].Value, m.Groups["title"].Value, points, cellNumber);
    }

    /// <summary>
    /// The exercises of a notebook in order. A marker counts when its cell (or a later cell before the
    /// next marker) has a solution region. Throws on duplicate ids.
    /// </summary>
    public static IReadOnlyList<Exercise> Find(Notebook notebook)
    {
        var found = new List<Exercise>();
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code) continue;
            foreach (var line in cell.Source.Split('\n'))
            {
                if (ParseMarker(line, i + 1) is not { } exercise) continue;
                if (found.Any(e => e.Id == exercise.Id))
                    throw new InvalidOperationException($"{notebook.Path}: cell {i + 1}: exercise {exercise.Id} is declared twice");
                found.Add(exercise);
            }
        }
        return found;
    }
}
