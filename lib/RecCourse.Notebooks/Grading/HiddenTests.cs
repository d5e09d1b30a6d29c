using System.Globalization;
using System.Text.RegularExpressions;

namespace RecCourse.Notebooks.Grading;

/// <summary>
/// Hidden tests of one notebook, kept OUTSIDE the student copy in <c>&lt;notebook name&gt;.tests.csx</c>
/// next to the source notebook. The file is C# split into sections by marker lines
/// <c>//# Exercise 3.2</c> or <c>//# Exercise 3.2 (2 points)</c> (points there override the notebook's);
/// lines before the first marker are setup run once. Each section runs after the student's notebook,
/// in its script state; the exercise passes when the section neither fails nor prints a ❌ line
/// (<see cref="RecCourse.Display.Check"/> prints those).
/// </summary>
public sealed partial class HiddenTests
{
    /// <summary>Suffix replacing the notebook's extension: <c>03_mf.ipynb</c> → <c>03_mf.tests.csx</c>.</summary>
    public const string FileSuffix = ".tests.csx";

    [GeneratedRegex(@"^\s*//#\s*Exercise\s+(?<id>[0-9A-Za-z][\w.\-]*)\s*(?:\((?<points>\d+(?:\.\d+)?)\s*points?\))?\s*$")]
    private static partial Regex SectionLine();

    /// <summary>Path the file was read from.</summary>
    public string Path { get; init; } = "";

    /// <summary>Code run once before the sections (may be empty).</summary>
    public string Setup { get; init; } = "";

    /// <summary>Exercise id → (test code, points override or null), in file order.</summary>
    public IReadOnlyList<(string Id, string Code, double? Points)> Sections { get; init; } = [];

    /// <summary>The tests file of <paramref name="notebookPath"/> inside <paramref name="testsDirectory"/> (default: the notebook's folder).</summary>
    public static string PathFor(string notebookPath, string? testsDirectory = null) =>
        System.IO.Path.Combine(testsDirectory ?? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(notebookPath))!,
            System.IO.Path.GetFileNameWithoutExtension(notebookPath) + FileSuffix);

    /// <summary>Parses a tests file. Blank lines are kept so compile errors point at the right line of a section.</summary>
    public static HiddenTests Parse(string text, string path)
    {
        var setup = new List<string>();
        var sections = new List<(string Id, List<string> Lines, double? Points)>();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            var m = SectionLine().Match(line);
            if (m.Success)
            {
                var id = m.Groups["id"].Value;
                if (sections.Any(s => s.Id == id)) throw new InvalidOperationException($"{path}: exercise {id} has two test sections");
                double? points = m.Groups["points"].Success ? double.Parse(m.Groups["points"].Value, CultureInfo.InvariantCulture) : null;
                sections.Add((id, [], points));
                continue;
            }
            (sections.Count == 0 ? setup : sections[^1].Lines).Add(line);
        }
        return new HiddenTests
        {
            Path = path,
            Setup = string.Join("\n", setup).Trim(),
            Sections = sections.Select(s => (s.Id, string.Join("\n", s.Lines), s.Points)).ToList(),
        };
    }

    /// <summary>Reads a tests file.</summary>
    public static HiddenTests Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"hidden tests not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }
}
