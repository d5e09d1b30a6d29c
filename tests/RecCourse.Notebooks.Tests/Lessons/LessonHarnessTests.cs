using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>The harness's parameter injection (no notebook is run).</summary>
public sealed class LessonHarnessTests
{
    private static Notebook Sample()
    {
        var nb = new Notebook { Path = "x.ipynb" };
        nb.Cells.Add(new NotebookCell { Kind = CellKind.Markdown, Language = "markdown", Source = "# title" });
        nb.Cells.Add(new NotebookCell { Kind = CellKind.Code, Source = "#r \"x.dll\"" });
        nb.Cells.Add(new NotebookCell { Kind = CellKind.Code, Source = "// parameters\nvar dataSource = \"auto\";\nvar epochs = 10;" });
        nb.Cells.Add(new NotebookCell { Kind = CellKind.Code, Source = "Console.WriteLine(dataSource);" });
        return nb;
    }

    [Fact]
    public void Parameters_are_assigned_in_a_new_cell_right_after_the_parameters_cell()
    {
        var source = Sample();
        var injected = LessonHarness.WithParameters(source, new Dictionary<string, string> { ["dataSource"] = "\"synthetic\"", ["epochs"] = "2" });
        Assert.Equal(5, injected.Cells.Count);
        Assert.Equal(4, source.Cells.Count);   // the input is not modified
        var cell = injected.Cells[3];
        Assert.Equal(CellKind.Code, cell.Kind);
        Assert.Contains("dataSource = \"synthetic\";\n", cell.Source, StringComparison.Ordinal);
        Assert.Contains("epochs = 2;\n", cell.Source, StringComparison.Ordinal);
        Assert.Equal("Console.WriteLine(dataSource);", injected.Cells[4].Source);
        Assert.NotEqual(injected.Cells[2].Id, cell.Id);
    }

    [Fact]
    public void No_parameters_leaves_the_cells_alone_and_a_missing_parameters_cell_is_named()
    {
        Assert.Equal(4, LessonHarness.WithParameters(Sample(), new Dictionary<string, string>()).Cells.Count);
        var nb = Sample();
        nb.Cells.RemoveAt(2);
        var e = Assert.Throws<InvalidOperationException>(() => LessonHarness.WithParameters(nb, LessonHarness.Synthetic));
        Assert.Contains("x.ipynb", e.Message, StringComparison.Ordinal);
        Assert.Contains("// parameters", e.Message, StringComparison.Ordinal);
    }
}
