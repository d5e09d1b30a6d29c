using RecCourse.Notebooks.Export;
using RecCourse.Notebooks.IO;
using RecCourse.Notebooks.Running;
using RecCourse.Plots;

namespace RecCourse.Notebooks.Tests.Export;

public sealed class ExporterTests
{
    [Fact]
    public void File_based_app_hoists_usings_and_types_and_prints_displays()
    {
        var cs = CsExporter.Export(NotebookReader.Read(TestPaths.Notebook("Export.ipynb")), "../lib/RecCourse/RecCourse.csproj");
        var lines = cs.Split('\n');
        Assert.Equal("#:project ../lib/RecCourse/RecCourse.csproj", lines[1]);
        Assert.Contains("#:property PublishAot=false", lines);
        var firstStatement = Array.IndexOf(lines, "var xs = new[] { 1.0, 2.0, 3.0 };");
        Assert.True(Array.IndexOf(lines, "using RecCourse.Plots;") is var u && u > 0 && u < firstStatement, "usings precede statements");
        Assert.True(Array.IndexOf(lines, "record Point(double X, double Y);") > firstStatement, "types follow statements");
        Assert.Contains("NotebookOutput.display(xs.Average());", lines);
        Assert.Contains("// # Export demo", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("#r", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_page_renders_markdown_code_outputs_and_plotly_once()
    {
        var run = NotebookRunner.Run(NotebookReader.Read(TestPaths.Notebook("Export.ipynb")));
        Assert.True(run.Succeeded);
        var html = HtmlExporter.Export(run.Executed, TestPaths.RepoRoot);
        Assert.Contains("<h1 id=\"export-demo\">Export demo</h1>", html, StringComparison.Ordinal);
        Assert.Contains("sum = 6", html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"rc-table\">", html, StringComparison.Ordinal);
        var cdnTags = html.Split($"<script src=\"{PlotlyJs.CdnUrl}\">").Length - 1;
        if (PlotlyJs.FindLocalCopy(TestPaths.RepoRoot) is null) Assert.Equal(1, cdnTags);
        else
        {
            Assert.Equal(0, cdnTags);
            Assert.True(html.Length > 1_000_000, "plotly.js is inlined once for offline viewing");
        }
    }

    [Fact]
    public void Html_page_typesets_math_only_when_markdown_has_some()
    {
        var withMath = NotebookReader.ParseDib("#!markdown\nThe loss $L = \\sum (r - \\hat r)^2$ and\n\n$$x^2$$\n", "math.dib");
        var html = HtmlExporter.Export(withMath, TestPaths.RepoRoot);
        Assert.Contains("class=\"math\"", html, StringComparison.Ordinal);
        Assert.Contains("mathjax", html, StringComparison.Ordinal);
        var plain = NotebookReader.ParseDib("#!markdown\nNo formulas here.\n", "plain.dib");
        Assert.DoesNotContain("mathjax", HtmlExporter.Export(plain, TestPaths.RepoRoot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exported_app_prints_what_the_notebook_prints()
    {
        var notebook = NotebookReader.Read(TestPaths.Notebook("Export.ipynb"));
        var run = NotebookRunner.Run(notebook);
        var printed = run.Executed.Cells.SelectMany(c => c.Outputs)
            .Where(o => o is { OutputType: "stream", StreamName: "stdout" })
            .SelectMany(o => o.Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.NotEmpty(printed);

        var dir = TestPaths.TempDir("export-run");
        var file = Path.Combine(dir, "Export.cs");
        var project = Path.Combine(TestPaths.RepoRoot, "lib", "RecCourse", "RecCourse.csproj");
        await File.WriteAllTextAsync(file, CsExporter.Export(notebook, Path.GetRelativePath(dir, project)));

        var start = new System.Diagnostics.ProcessStartInfo("dotnet", ["run", "Export.cs"])
        {
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"dotnet run failed ({process.ExitCode}):\n{output}\n{await stderr}");
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(printed, line => Assert.Contains(line, lines));
        Assert.Contains("2", lines); // the trailing expression xs.Average()
    }
}
