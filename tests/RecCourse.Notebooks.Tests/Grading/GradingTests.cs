using System.Text.Json.Nodes;
using RecCourse.Notebooks.Grading;
using RecCourse.Notebooks.IO;
using RecCourse.Notebooks.Running;

namespace RecCourse.Notebooks.Tests.Grading;

public sealed class GradingTests
{
    private static readonly RunOptions Fast = new() { CellTimeout = TimeSpan.FromSeconds(6) }; // short for the endless-loop exercise, safe for the rest under load
    private static string Source => TestPaths.Notebook("Grading.ipynb");
    private static string Tests => TestPaths.Notebook("Grading.tests.csx");

    [Fact]
    public void Markers_give_ids_titles_and_points()
    {
        var exercises = ExerciseMarkers.Find(NotebookReader.Read(Source));
        Assert.Equal(["1.1", "1.2", "1.3"], exercises.Select(e => e.Id));
        Assert.Equal([1.0, 2.0, 1.0], exercises.Select(e => e.Points));
        Assert.Equal("Mean of a sample", exercises[1].Title);
        Assert.Equal(5, exercises[1].CellNumber);
    }

    [Fact]
    public void Student_copy_replaces_solutions_and_keeps_markers()
    {
        var copy = StudentCopy.Make(NotebookReader.Read(Source));
        var code = string.Join("\n", copy.Cells.Select(c => c.Source));
        Assert.DoesNotContain("return a + b", code, StringComparison.Ordinal);
        Assert.DoesNotContain("SOLUTION", code, StringComparison.Ordinal);
        Assert.Contains("    throw new NotImplementedException(\"Exercise 1.2: Mean of a sample\");", code, StringComparison.Ordinal);
        Assert.Contains("// Exercise 1.3: Count up to n (1 point)", code, StringComparison.Ordinal);
        Assert.All(copy.Cells, c => Assert.Empty(c.Outputs));
    }

    [Fact]
    public void Unclosed_solution_region_names_cell_and_line()
    {
        var nb = NotebookReader.Read(Source);
        nb.Cells[2].Source = nb.Cells[2].Source.Replace("    // END SOLUTION\n", "", StringComparison.Ordinal);
        var e = Assert.Throws<InvalidOperationException>(() => StudentCopy.Make(nb));
        Assert.Contains("cell 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("never closed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_then_grade_round_trip_solution_full_marks_student_zero()
    {
        var outDir = TestPaths.TempDir("assign");
        var written = Assigner.Assign([Source], outDir);
        var studentPath = Assert.Single(written).Written;
        Assert.False(File.Exists(Path.Combine(outDir, "Grading.tests.csx")), "hidden tests must stay out of the student folder");
        Assert.DoesNotContain("Check.Equal(\"1.1\", 5", File.ReadAllText(studentPath), StringComparison.Ordinal);

        var solution = Grader.Grade(Source, Tests, Fast);
        Assert.Equal(4.0, solution.Max);
        Assert.Equal(solution.Max, solution.Total);
        Assert.All(solution.Exercises, e => Assert.Equal("passed", e.Status));

        var student = Grader.Grade(studentPath, Tests, Fast);
        Assert.Equal(4.0, student.Max);
        Assert.Equal(0.0, student.Total);
        Assert.All(student.Exercises, e =>
        {
            Assert.Equal("failed", e.Status);
            Assert.Contains($"NotImplementedException: Exercise {e.Id}: {e.Title}", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Compile_error_and_endless_loop_cost_only_their_exercise()
    {
        var nb = StudentCopy.Make(NotebookReader.Read(Source));
        nb.Cells[2].Source = nb.Cells[2].Source.Replace("throw new NotImplementedException(\"Exercise 1.1: Add two numbers\");", "return a + ;", StringComparison.Ordinal);
        nb.Cells[4].Source = nb.Cells[4].Source.Replace("throw new NotImplementedException(\"Exercise 1.2: Mean of a sample\");", "return xs.Sum() / xs.Length;", StringComparison.Ordinal);
        nb.Cells[5].Source = nb.Cells[5].Source.Replace("throw new NotImplementedException(\"Exercise 1.3: Count up to n\");", "while (i < n) { }", StringComparison.Ordinal);
        var dir = TestPaths.TempDir("broken");
        var path = Path.Combine(dir, "Grading.ipynb");
        NotebookWriter.Write(nb, path);

        var report = Grader.Grade(path, Tests, Fast);
        var byId = report.Exercises.ToDictionary(e => e.Id);
        Assert.Equal("failed", byId["1.1"].Status);
        Assert.Contains("cell 3 (4,16): error CS1525", byId["1.1"].Message, StringComparison.Ordinal);
        Assert.Equal("passed", byId["1.2"].Status);
        Assert.Equal("timeout", byId["1.3"].Status);
        Assert.Equal(2.0, report.Total);
    }

    [Fact]
    public void Json_line_has_the_documented_shape()
    {
        var report = new GradeReport
        {
            Notebook = "x.ipynb",
            Exercises = [new ExerciseGrade("1.1", "t", 1, 1, "passed", "ok"), new ExerciseGrade("1.2", "u", 0, 2, "failed", "❌ no")],
        };
        var json = JsonNode.Parse(report.ToJson())!;
        Assert.Equal(1.0, json["total"]!.GetValue<double>());
        Assert.Equal(3.0, json["max"]!.GetValue<double>());
        var second = json["exercises"]![1]!;
        Assert.Equal(["id", "points", "max", "status", "message"], second.AsObject().Select(p => p.Key));
        Assert.Equal("❌ no", second["message"]!.GetValue<string>());
    }

    [Fact]
    public void Autograding_config_has_one_test_per_exercise_matching_the_json_line()
    {
        var exercises = ExerciseMarkers.Find(NotebookReader.Read(Source));
        var config = JsonNode.Parse(AutogradingConfig.Build([("student/Grading.ipynb", "notebooks", exercises)]))!;
        var tests = config["tests"]!.AsArray();
        Assert.Equal(3, tests.Count);
        Assert.Equal(2.0, tests[1]!["points"]!.GetValue<double>());
        var expected = tests[1]!["output"]!.GetValue<string>();
        var line = new GradeReport { Notebook = "n", Exercises = [new ExerciseGrade("1.2", "Mean", 2, 2, "passed", "ok")] }.ToJson();
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
