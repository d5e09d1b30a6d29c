using RecCourse.Notebooks.IO;
using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.Tests.IO;

public sealed class NotebookReaderTests
{
    private static string Write(string name, string content)
    {
        var path = Path.Combine(TestPaths.TempDir("reader"), name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Invalid_json_names_the_file_and_line()
    {
        var path = Write("broken.ipynb", "{\n \"cells\": [\n  {\"cell_type\": \"code\",, }\n ]\n}");
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("invalid JSON at line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_kernel_is_rejected_with_its_name()
    {
        var path = Write("python.ipynb", """{"cells": [], "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}""");
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("kernel 'python3'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.ipynb")]
    [InlineData("empty.dib")]
    public void Empty_file_is_a_clear_error(string name)
    {
        var path = Write(name, "  \n");
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));
        Assert.Equal($"{path}: the file is empty, not a notebook", e.Message);
    }

    [Fact]
    public void Missing_cells_array_is_reported()
    {
        var path = Write("nocells.ipynb", """{"metadata": {}, "nbformat": 4}""");
        Assert.Contains("no \"cells\" array", Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_may_be_a_string_or_a_list_of_lines()
    {
        var nb = NotebookReader.ParseIpynb("""
            {"cells": [
              {"cell_type": "code", "metadata": {}, "source": "var a = 1;\r\nvar b = 2;", "outputs": []},
              {"cell_type": "markdown", "metadata": {}, "source": ["# T\n", "text"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
            """, "inline.ipynb");
        Assert.Equal("var a = 1;\nvar b = 2;", nb.Cells[0].Source);
        Assert.Equal("csharp", nb.Cells[0].Language);
        Assert.Equal("# T\ntext", nb.Cells[1].Source);
        Assert.Equal(CellKind.Markdown, nb.Cells[1].Kind);
    }

    [Fact]
    public void Dib_sections_become_cells()
    {
        var nb = NotebookReader.ParseDib("""
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp"}}

            #!markdown

            # Title

            #!csharp

            var x = 1;
            x + 1

            #!fsharp
            let y = 2
            """, "demo.dib");
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code], nb.Cells.Select(c => c.Kind));
        Assert.Equal("# Title", nb.Cells[0].Source);
        Assert.Equal("var x = 1;\nx + 1", nb.Cells[1].Source);
        Assert.Equal("fsharp", nb.Cells[2].Language);
    }
}
