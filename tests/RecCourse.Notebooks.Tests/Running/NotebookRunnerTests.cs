using System.Text.Json.Nodes;
using RecCourse.Notebooks.IO;
using RecCourse.Notebooks.Model;
using RecCourse.Notebooks.Running;

namespace RecCourse.Notebooks.Tests.Running;

[Collection(FeatureNotebookCollection.Name)]
public sealed class NotebookRunnerTests(FeatureNotebookFixture fixture)
{
    private NotebookCell Cell(int number) => fixture.Result.Executed.Cells[number - 1];

    private string Stdout(int number) =>
        string.Concat(Cell(number).Outputs.Where(o => o is { OutputType: "stream", StreamName: "stdout" }).Select(o => o.Text));

    private CellOutput SingleError(int number) => Assert.Single(Cell(number).Outputs, o => o.OutputType == "error");

    [Fact]
    public void Stdout_and_stderr_become_separate_stream_outputs()
    {
        Assert.Equal("x = 21\n", Stdout(3));
        Assert.Contains(Cell(3).Outputs, o => o is { StreamName: "stderr", Text: "a warning\n" });
    }

    [Fact]
    public void Trailing_expression_is_an_execute_result()
    {
        var result = Assert.Single(Cell(4).Outputs);
        Assert.Equal("execute_result", result.OutputType);
        Assert.Equal("42", result.Data["text/plain"]);
    }

    [Fact]
    public void Top_level_await_works() => Assert.Equal("22", Cell(5).Outputs.Single(o => o.OutputType == "execute_result").PlainText);

    [Fact]
    public void Sequences_display_as_html_tables_with_a_row_limit()
    {
        var displays = Cell(6).Outputs.Where(o => o.OutputType == "display_data").ToList();
        Assert.Equal(2, displays.Count);
        var table = displays[0].Data["text/html"];
        Assert.Contains("<th>Score</th>", table, StringComparison.Ordinal);
        Assert.Contains("5 more rows", table, StringComparison.Ordinal);
        Assert.Contains("<th>value</th>", displays[1].Data["text/html"], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_resolves_against_the_notebook_folder() => Assert.Equal("42\n", Stdout(7));

    [Fact]
    public void Runtime_error_is_an_error_output_in_dotnet_interactive_shape()
    {
        var error = SingleError(8);
        Assert.Equal("Error", error.EName);
        Assert.Equal("System.InvalidOperationException: boom", error.EValue);
        Assert.NotEmpty(error.Traceback);
    }

    [Fact]
    public void Compile_error_names_cell_line_and_column()
    {
        var error = SingleError(9);
        Assert.StartsWith("cell 9 (2,9): error CS0029", error.EValue, StringComparison.Ordinal);
    }

    [Fact]
    public void Endless_loop_times_out_and_only_that_cell_fails()
    {
        var info = fixture.Result.Cells.Single(c => c.Number == 10);
        Assert.True(info.TimedOut);
        Assert.Contains("timed out after 8 s (stopped)", SingleError(10).EValue, StringComparison.Ordinal);
        Assert.Equal("still here: 43\n", Stdout(11));
    }

    [Fact]
    public void Time_magic_reports_wall_time()
    {
        Assert.Contains(Cell(12).Outputs, o => o.PlainText.StartsWith("Wall time: ", StringComparison.Ordinal));
        Assert.Contains(Cell(12).Outputs, o => o is { OutputType: "execute_result" } && o.PlainText == "499500");
    }

    [Fact]
    public void Output_from_parallel_workers_is_captured()
    {
        var lines = Stdout(13).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"worker {i}").Order(), lines.Order());
    }

    [Fact]
    public void Checks_print_pass_and_fail_lines()
    {
        Assert.Contains("✅ Exercise 0.1: x is 21", Stdout(14), StringComparison.Ordinal);
        Assert.Contains("❌ Exercise 0.2: a value: expected 1 ± 0.1, got 1.5", Stdout(14), StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_display_as_plotly_html()
    {
        var html = Cell(15).Outputs.Where(o => o.Data.ContainsKey("text/html")).Select(o => o.Data["text/html"]).ToList();
        Assert.Equal(6, html.Count);
        Assert.All(html, h => Assert.Contains("Plotly.newPlot", h, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_nuget_package_is_a_clear_error()
    {
        var message = SingleError(16).EValue!;
        Assert.Contains("cell 16", message, StringComparison.Ordinal);
        Assert.Contains("Newtonsoft.Json", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Cell(16).Outputs, o => o.PlainText.Contains("never", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_magic_cell_is_not_run_and_markdown_is_kept()
    {
        Assert.Empty(Cell(17).Outputs);
        Assert.Null(Cell(17).ExecutionCount);
        Assert.Equal(CellKind.Markdown, Cell(1).Kind);
    }

    [Fact]
    public void Exactly_the_four_broken_cells_fail()
    {
        Assert.Equal([8, 9, 10, 16], fixture.Result.Cells.Where(c => !c.Succeeded).Select(c => c.Number));
    }

    [Fact]
    public void Source_notebook_object_is_not_modified()
    {
        var source = NotebookReader.Read(TestPaths.Notebook("Features.ipynb"));
        Assert.All(source.Cells, c => Assert.Empty(c.Outputs));
    }

    [Fact]
    public void Executed_notebook_is_valid_polyglot_ipynb_and_round_trips()
    {
        var json = NotebookWriter.ToJson(fixture.Result.Executed);
        var root = JsonNode.Parse(json)!;
        Assert.Equal(4, root["nbformat"]!.GetValue<int>());
        Assert.Equal(5, root["nbformat_minor"]!.GetValue<int>());
        Assert.Equal(".net-csharp", root["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", root["metadata"]!["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", root["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        var code = root["cells"]!.AsArray().First(c => c!["cell_type"]!.GetValue<string>() == "code")!;
        Assert.Equal("csharp", code["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());

        var back = NotebookReader.ParseIpynb(json, "roundtrip.ipynb");
        Assert.Equal(fixture.Result.Executed.Cells.Count, back.Cells.Count);
        Assert.Equal(fixture.Result.Executed.Cells.Select(c => c.Source), back.Cells.Select(c => c.Source));
        Assert.Equal(fixture.Result.Executed.Cells.Select(c => c.Outputs.Count), back.Cells.Select(c => c.Outputs.Count));
    }
}
