using System.Globalization;
using System.Text.Json.Nodes;
using RecCourse.Notebooks.Grading;
using RecCourse.Notebooks.Model;
using RecCourse.Notebooks.Running;

namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>What <see cref="LessonHarness.RunSolution"/> saw: cells, failures, recorded results and the solution's grades.</summary>
public sealed class LessonRun
{
    public required string FileName { get; init; }

    /// <summary>The executed notebook (parameters cell injected) with outputs.</summary>
    public required Notebook Executed { get; init; }

    public required IReadOnlyList<CellRunInfo> Cells { get; init; }

    /// <summary>(1-based cell number, error) of every failing cell.</summary>
    public required IReadOnlyList<(int Cell, string Message)> FailedCells { get; init; }

    /// <summary>The "results" object of the last application/json <c>LessonResults</c> displayed; null when none was.</summary>
    public required JsonObject? Results { get; init; }

    public required IReadOnlyList<Exercise> Exercises { get; init; }

    /// <summary>Grades of the solution by its hidden tests.</summary>
    public required IReadOnlyList<ExerciseGrade> Grades { get; init; }

    /// <summary>Wall time of the notebook cells alone (what <c>reccourse run</c> would take).</summary>
    public TimeSpan NotebookDuration { get; init; }

    /// <summary>Wall time including the hidden tests.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The failing cells as one readable string (for assertion messages).</summary>
    public string FailureSummary => string.Join("\n", FailedCells.Select(f => $"cell {f.Cell}: {f.Message}"));

    /// <summary>A recorded number; NaN when it was recorded as null (non-finite).</summary>
    /// <exception cref="Xunit.Sdk.XunitException">The notebook recorded no results or not this one.</exception>
    public double Number(string name) => Value(name) is { } v ? v.GetValue<double>() : double.NaN;

    /// <summary>A recorded yes/no result.</summary>
    public bool Flag(string name) => Value(name)!.GetValue<bool>();

    /// <summary>A recorded text result.</summary>
    public string Text(string name) => Value(name)!.GetValue<string>();

    private JsonNode? Value(string name)
    {
        Assert.True(Results is not null, $"{FileName} displayed no LessonResults (failing cells: {FailureSummary})");
        Assert.True(Results!.ContainsKey(name),
            $"{FileName} recorded no result '{name}'; it has: {string.Join(", ", Results.Select(p => p.Key))}");
        return Results[name];
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{FileName}: {Cells.Count} cells, {FailedCells.Count} failed, {NotebookDuration.TotalSeconds:0.0} s");
}
