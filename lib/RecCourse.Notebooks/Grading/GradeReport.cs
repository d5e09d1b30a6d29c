using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecCourse.Notebooks.Grading;

/// <summary>Grades of one notebook.</summary>
public sealed class GradeReport
{
    /// <summary>The graded notebook's path.</summary>
    public required string Notebook { get; init; }

    /// <summary>One grade per exercise, in notebook order (exercises only in the tests file last).</summary>
    public required IReadOnlyList<ExerciseGrade> Exercises { get; init; }

    /// <summary>Cells of the student's notebook that failed (number, message); informative, not graded.</summary>
    public IReadOnlyList<(int Cell, string Message)> FailedCells { get; init; } = [];

    /// <summary>Points earned.</summary>
    public double Total => Exercises.Sum(e => e.Points);

    /// <summary>Points available.</summary>
    public double Max => Exercises.Sum(e => e.Max);

    /// <summary>Wall time of grading.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The one-line JSON <c>{"total","max","exercises":[{"id","points","max","status","message"}]}</c>.</summary>
    public string ToJson() => ToJson([this]);

    /// <summary>One JSON line for several notebooks: totals summed, exercises concatenated.</summary>
    public static string ToJson(IEnumerable<GradeReport> reports)
    {
        var list = reports.ToList();
        var exercises = new JsonArray();
        foreach (var e in list.SelectMany(r => r.Exercises))
        {
            exercises.Add(new JsonObject
            {
                ["id"] = e.Id, ["points"] = e.Points, ["max"] = e.Max, ["status"] = e.Status, ["message"] = e.Message,
            });
        }
        var root = new JsonObject { ["total"] = list.Sum(r => r.Total), ["max"] = list.Sum(r => r.Max), ["exercises"] = exercises };
        return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
