using System.Diagnostics;
using System.Text.Json.Nodes;
using RecCourse.Display;
using RecCourse.Notebooks.Grading;
using RecCourse.Notebooks.IO;
using RecCourse.Notebooks.Kernel;
using RecCourse.Notebooks.Model;
using RecCourse.Notebooks.Running;

namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>
/// Runs the lesson notebooks of notebooks/ for the LessonNNTests classes, each at most twice:
/// <see cref="RunSolution"/> executes the source notebook ONCE and, in the same script state, its
/// hidden tests (so one run yields the failing cells, the recorded <see cref="LessonResults"/> and
/// the solution's grades); <see cref="GradeStudentCopy"/> makes the student copy with
/// <see cref="Assigner"/> and grades it with the real <see cref="Grader"/>.
/// Parameters are overridden the papermill way: an assignment cell is inserted right after the cell
/// whose first line is <c>// parameters</c> (the tests force <c>dataSource = "synthetic"</c> so their
/// bounds hold whatever data the machine has).
/// </summary>
public static class LessonHarness
{
    /// <summary>Cell timeout of lesson runs: the per-notebook budget (60 s), so one runaway cell cannot stall the suite.</summary>
    public static readonly TimeSpan CellTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The parameters every lesson test uses: the synthetic data set.</summary>
    public static IReadOnlyDictionary<string, string> Synthetic { get; } =
        new Dictionary<string, string> { ["dataSource"] = "\"synthetic\"" };

    /// <summary>notebooks/<paramref name="fileName"/> in the repository.</summary>
    public static string NotebookPath(string fileName) => Path.Combine(TestPaths.RepoRoot, "notebooks", fileName);

    /// <summary>
    /// Runs the source notebook <paramref name="fileName"/> (in notebooks/) cell by cell like
    /// <see cref="NotebookRunner"/>, then its hidden tests (<c>NN_name.tests.csx</c>) with the grader's
    /// rule: an exercise passes when its section runs without error and prints no ❌ line.
    /// </summary>
    /// <param name="fileName">e.g. "03_matrix_factorisation.ipynb".</param>
    /// <param name="parameters">Variable name → C# expression assigned after the parameters cell (default <see cref="Synthetic"/>).</param>
    /// <param name="hiddenTests">False: run the notebook only (no grades), e.g. when only its recorded results matter.</param>
    public static LessonRun RunSolution(string fileName, IReadOnlyDictionary<string, string>? parameters = null, bool hiddenTests = true)
    {
        var clock = Stopwatch.StartNew();
        var path = NotebookPath(fileName);
        var notebook = WithParameters(NotebookReader.Read(path), parameters ?? Synthetic);
        var tests = HiddenTests.Load(HiddenTests.PathFor(path));
        var exercises = ExerciseMarkers.Find(notebook);

        var session = new ScriptSession(notebook.BaseDirectory, CellTimeout);
        var failed = new List<(int Cell, string Message)>();
        var cells = new List<CellRunInfo>();
        JsonObject? results = null;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code || NotebookRunner.IsMarkdownMagic(cell.Source)) continue;
            var run = session.Execute(cell.Source, $"cell {i + 1}");
            cell.Outputs.Clear();
            cell.Outputs.AddRange(run.Outputs);
            cells.Add(new CellRunInfo(i + 1, run.Succeeded, run.Duration, run.Error, run.TimedOut));
            if (!run.Succeeded) failed.Add((i + 1, run.Error!));
            foreach (var output in run.Outputs)
            {
                if (output.Data.TryGetValue(LessonResults.JsonMimeType, out var json)
                    && JsonNode.Parse(json) is JsonObject o && o["results"] is JsonObject r)
                    results = r;
            }
        }
        var notebookTime = clock.Elapsed;

        if (hiddenTests && tests.Setup.Length > 0) session.Execute(tests.Setup, "hidden test setup");
        var grades = new List<ExerciseGrade>();
        foreach (var exercise in hiddenTests ? exercises : [])
        {
            var section = tests.Sections.FirstOrDefault(s => s.Id == exercise.Id);
            var max = section.Points ?? exercise.Points;
            if (section.Code is null)
            {
                grades.Add(new ExerciseGrade(exercise.Id, exercise.Title, 0, max, "untested", "no hidden tests"));
                continue;
            }
            var run = session.Execute(section.Code, $"hidden tests of exercise {exercise.Id}");
            var cross = run.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith('❌'));
            grades.Add(run.Succeeded && cross is null
                ? new ExerciseGrade(exercise.Id, exercise.Title, max, max, "passed", "all hidden tests passed")
                : new ExerciseGrade(exercise.Id, exercise.Title, 0, max, run.TimedOut ? "timeout" : "failed", cross ?? run.Error!));
        }
        return new LessonRun
        {
            FileName = fileName,
            Executed = notebook,
            Cells = cells,
            FailedCells = failed,
            Results = results,
            Exercises = exercises,
            Grades = grades,
            NotebookDuration = notebookTime,
            Duration = clock.Elapsed,
        };
    }

    /// <summary>
    /// The assign → grade round trip for the student side: <see cref="Assigner.Assign"/> writes the
    /// student copy into a fresh temp folder (the hidden tests stay behind), the parameters are
    /// injected into that copy, and <see cref="Grader.Grade"/> grades it with the source's tests file.
    /// </summary>
    public static GradeReport GradeStudentCopy(string fileName, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var source = NotebookPath(fileName);
        var outDir = TestPaths.TempDir("lesson-" + Path.GetFileNameWithoutExtension(fileName));
        var written = Assert.Single(Assigner.Assign([source], outDir)).Written;
        Assert.False(File.Exists(Path.Combine(outDir, Path.GetFileName(HiddenTests.PathFor(source)))),
            "the hidden tests must not be copied next to the student notebook");
        // The copy lives outside notebooks/: the relative #r still resolves because the runner maps
        // it by assembly name to the kit's loaded RecCourse.dll.
        NotebookWriter.Write(WithParameters(NotebookReader.Read(written), parameters ?? Synthetic), written);
        return Grader.Grade(written, HiddenTests.PathFor(source), new RunOptions { CellTimeout = CellTimeout });
    }

    /// <summary>A copy of <paramref name="notebook"/> with one assignment cell after its <c>// parameters</c> cell.</summary>
    /// <exception cref="InvalidOperationException">Parameters were given but the notebook has no parameters cell.</exception>
    public static Notebook WithParameters(Notebook notebook, IReadOnlyDictionary<string, string> parameters)
    {
        var copy = notebook.Clone();
        if (parameters.Count == 0) return copy;
        var index = copy.Cells.FindIndex(c => c.Kind == CellKind.Code
            && c.Source.TrimStart().StartsWith("// parameters", StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new InvalidOperationException($"{notebook.Path}: no code cell starts with '// parameters', cannot set {string.Join(", ", parameters.Keys)}");
        var template = copy.Cells[index];
        var injected = template.Clone();
        injected.Id = Guid.NewGuid().ToString("N")[..12];
        injected.Source = "// injected parameters\n" + string.Concat(parameters.Select(p => $"{p.Key} = {p.Value};\n"));
        injected.Outputs.Clear();
        copy.Cells.Insert(index + 1, injected);
        return copy;
    }
}
