using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecCourse.Notebooks.Grading;

/// <summary>
/// Builds GitHub Classroom's <c>.github/classroom/autograding.json</c>: one test per exercise that runs
/// <c>reccourse grade &lt;student notebook&gt; --tests &lt;folder&gt; --json</c> and passes when the JSON
/// line contains the exercise at full marks (comparison "included"), so each exercise scores on its own.
/// </summary>
public static class AutogradingConfig
{
    /// <summary>Command that runs the CLI from the repository root.</summary>
    public const string Cli = "dotnet run --project lib/RecCourse.Cli -c Release --no-build --";

    /// <summary>
    /// The config JSON. <paramref name="notebooks"/> holds, per notebook, its student copy's path and the
    /// hidden-tests folder, both relative to the repository root with '/' separators.
    /// </summary>
    public static string Build(IEnumerable<(string StudentNotebook, string TestsDirectory, IReadOnlyList<Exercise> Exercises)> notebooks)
    {
        var tests = new JsonArray();
        var first = true;
        foreach (var (notebook, testsDir, exercises) in notebooks)
        {
            foreach (var e in exercises)
            {
                var points = e.Points.ToString(CultureInfo.InvariantCulture);
                tests.Add(new JsonObject
                {
                    ["name"] = $"Exercise {e.Id}: {e.Title}",
                    ["setup"] = first ? "dotnet build lib/RecCourse.Cli -c Release" : "",
                    ["run"] = $"{Cli} grade {notebook} --tests {testsDir} --json",
                    ["input"] = "",
                    ["output"] = $"\"id\":\"{e.Id}\",\"points\":{points},\"max\":{points},",
                    ["comparison"] = "included",
                    ["timeout"] = 10,
                    ["points"] = e.Points,
                });
                first = false;
            }
        }
        return new JsonObject { ["tests"] = tests }.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }
}
