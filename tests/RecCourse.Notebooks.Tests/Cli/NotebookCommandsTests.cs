using RecCourse.Cli.Commands;
using RecCourse.Notebooks.Grading;
using RecCourse.Notebooks.IO;
using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.Tests.Cli;

public sealed class NotebookCommandsTests
{
    private static int Run(params string[] args) => NotebookCommands.CreateRun().Parse(args).Invoke();

    private static string SmallNotebook(string dir, string name, params string[] cells)
    {
        var nb = new Notebook { Path = Path.Combine(dir, name) };
        foreach (var source in cells) nb.Cells.Add(new NotebookCell { Kind = CellKind.Code, Source = source });
        NotebookWriter.Write(nb, nb.Path);
        return nb.Path;
    }

    [Fact]
    public void Run_exits_0_when_every_cell_succeeds_and_leaves_the_source_alone()
    {
        var dir = TestPaths.TempDir("run-ok");
        var source = SmallNotebook(dir, "ok.ipynb", "var a = 2;", "Console.WriteLine(a * 3);");
        var before = File.ReadAllText(source);
        var outDir = Path.Combine(dir, "out");
        Assert.Equal(NotebookCommands.Ok, Run(source, "--out", outDir));
        Assert.Equal(before, File.ReadAllText(source));
        var executed = NotebookReader.Read(Path.Combine(outDir, "ok.ipynb"));
        Assert.Equal("6\n", executed.Cells[1].Outputs.Single().Text);
    }

    [Fact]
    public void Run_exits_2_when_a_cell_fails_and_runs_a_folder_in_name_order()
    {
        var dir = TestPaths.TempDir("run-fail");
        SmallNotebook(dir, "b.ipynb", "throw new Exception(\"x\");");
        SmallNotebook(dir, "a.ipynb", "1 + 1");
        var outDir = Path.Combine(dir, "out");
        Assert.Equal(NotebookCommands.CellsFailed, Run(dir, "--out", outDir, "--timeout", "5"));
        Assert.True(File.Exists(Path.Combine(outDir, "a.ipynb")));
        Assert.True(File.Exists(Path.Combine(outDir, "b.ipynb")));
    }

    [Fact]
    public void Run_exits_2_for_a_malformed_notebook_and_1_for_a_missing_path()
    {
        var dir = TestPaths.TempDir("run-bad");
        File.WriteAllText(Path.Combine(dir, "bad.ipynb"), "{ not json");
        Assert.Equal(NotebookCommands.CellsFailed, Run(Path.Combine(dir, "bad.ipynb"), "--out", Path.Combine(dir, "out")));
        Assert.Equal(NotebookCommands.CannotRun, Run(Path.Combine(dir, "missing.ipynb")));
    }

    [Fact]
    public void Dib_notebook_runs_and_is_written_as_ipynb_with_an_html_page()
    {
        var dir = TestPaths.TempDir("run-dib");
        var dib = Path.Combine(dir, "lesson.dib");
        File.WriteAllText(dib, "#!markdown\n\n# Lesson\n\n#!csharp\n\nvar n = 6;\nn * 7\n");
        var outDir = Path.Combine(dir, "out");
        Assert.Equal(NotebookCommands.Ok, Run(dib, "--out", outDir, "--html"));
        var executed = NotebookReader.Read(Path.Combine(outDir, "lesson.ipynb"));
        Assert.Equal("42", executed.Cells[1].Outputs.Single().PlainText);
        Assert.Contains("<h1 id=\"lesson\">Lesson</h1>", File.ReadAllText(Path.Combine(outDir, "lesson.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_never_overwrites_a_source_without_in_place()
    {
        var dir = TestPaths.TempDir("run-same");
        var source = SmallNotebook(dir, "same.ipynb", "1");
        var before = File.ReadAllText(source);
        Assert.Equal(NotebookCommands.CellsFailed, Run(source, "--out", dir));
        Assert.Equal(before, File.ReadAllText(source));
    }

    [Fact]
    public void In_place_overwrites_the_source_with_outputs()
    {
        var dir = TestPaths.TempDir("run-inplace");
        var source = SmallNotebook(dir, "n.ipynb", "40 + 2");
        Assert.Equal(NotebookCommands.Ok, Run(source, "--in-place"));
        Assert.Equal("42", NotebookReader.Read(source).Cells[0].Outputs.Single().PlainText);
    }

    [Fact]
    public void Grade_exits_0_with_missing_points_and_1_without_hidden_tests()
    {
        var dir = TestPaths.TempDir("grade");
        var student = Assigner.Assign([TestPaths.Notebook("Grading.ipynb")], dir).Single().Written;
        Assert.Equal(NotebookCommands.Ok, NotebookCommands.CreateGrade().Parse([student, "--tests", TestPaths.Notebooks, "--json", "--timeout", "5"]).Invoke());
        Assert.Equal(NotebookCommands.CannotRun, NotebookCommands.CreateGrade().Parse([student, "--tests", dir]).Invoke());
    }

    [Fact]
    public void Export_writes_a_file_based_app_pointing_at_the_library_project()
    {
        var outFile = Path.Combine(TestPaths.TempDir("export"), "Export.cs");
        Assert.Equal(NotebookCommands.Ok, NotebookCommands.CreateExport().Parse([TestPaths.Notebook("Export.ipynb"), "--out", outFile]).Invoke());
        var project = File.ReadLines(outFile).Single(l => l.StartsWith("#:project ", StringComparison.Ordinal))["#:project ".Length..];
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(outFile)!, project))), project);
    }
}
