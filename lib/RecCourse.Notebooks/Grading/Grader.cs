using System.Diagnostics;
using RecCourse.Notebooks.IO;
using RecCourse.Notebooks.Kernel;
using RecCourse.Notebooks.Model;
using RecCourse.Notebooks.Running;

namespace RecCourse.Notebooks.Grading;

/// <summary>
/// Grades a student's notebook: runs all its cells in one script session (failing cells do not stop
/// later ones), then each exercise's hidden-test section in the same state. A compile error, exception
/// or timeout inside one section costs that exercise only.
/// </summary>
public static class Grader
{
    /// <summary>
    /// Grades <paramref name="notebookPath"/> with the tests file <paramref name="testsPath"/>
    /// (default: <see cref="HiddenTests.PathFor"/> next to the notebook).
    /// </summary>
    /// <exception cref="NotebookFormatException">The notebook cannot be read.</exception>
    /// <exception cref="FileNotFoundException">The notebook or the tests file is missing.</exception>
    public static GradeReport Grade(string notebookPath, string? testsPath = null, RunOptions? options = null)
    {
        options ??= new RunOptions();
        var clock = Stopwatch.StartNew();
        var notebook = NotebookReader.Read(notebookPath);
        var tests = HiddenTests.Load(testsPath ?? HiddenTests.PathFor(notebookPath));
        var exercises = ExerciseMarkers.Find(notebook);

        var session = new ScriptSession(notebook.BaseDirectory, options.CellTimeout);
        var cellErrors = new Dictionary<int, string>();
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code || NotebookRunner.IsMarkdownMagic(cell.Source)) continue;
            options.CellStarting?.Invoke(i + 1, notebook.Cells.Count);
            var result = session.Execute(cell.Source, $"cell {i + 1}");
            if (!result.Succeeded) cellErrors[i + 1] = result.Error!;
            options.CellFinished?.Invoke(new CellRunInfo(i + 1, result.Succeeded, result.Duration, result.Error, result.TimedOut));
        }
        if (tests.Setup.Length > 0) session.Execute(tests.Setup, "hidden test setup");

        var grades = new List<ExerciseGrade>();
        foreach (var exercise in exercises)
        {
            var section = tests.Sections.FirstOrDefault(s => s.Id == exercise.Id);
            var max = section.Points ?? exercise.Points;
            if (section.Code is null)
            {
                grades.Add(new ExerciseGrade(exercise.Id, exercise.Title, 0, max, "untested", $"no hidden tests for exercise {exercise.Id} in {Path.GetFileName(tests.Path)}"));
                continue;
            }
            grades.Add(RunSection(session, exercise.Id, exercise.Title, section.Code, max, cellErrors.GetValueOrDefault(exercise.CellNumber)));
        }
        foreach (var section in tests.Sections.Where(s => exercises.All(e => e.Id != s.Id)))
        {
            // The student deleted the marker: the exercise still counts, with the tests file's points.
            grades.Add(RunSection(session, section.Id, "", section.Code, section.Points ?? 1, null));
        }
        return new GradeReport
        {
            Notebook = notebookPath,
            Exercises = grades,
            FailedCells = cellErrors.Select(kv => (kv.Key, kv.Value)).ToList(),
            Duration = clock.Elapsed,
        };
    }

    private static ExerciseGrade RunSection(ScriptSession session, string id, string title, string code, double max, string? cellError)
    {
        var result = session.Execute(code, $"hidden tests of exercise {id}");
        var failedCheck = result.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith("❌", StringComparison.Ordinal));
        if (result.Succeeded && failedCheck is null)
            return new ExerciseGrade(id, title, max, max, "passed", "all hidden tests passed");
        var why = failedCheck?.Trim() ?? result.Error!;
        if (cellError is not null) why = $"the exercise cell failed ({cellError}); {why}";
        return new ExerciseGrade(id, title, 0, max, result.TimedOut ? "timeout" : "failed", why);
    }
}
