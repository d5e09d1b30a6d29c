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
}
