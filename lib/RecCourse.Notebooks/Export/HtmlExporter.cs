using System.Net;
using System.Text;
using Markdig;
using RecCourse.Notebooks.Model;
using RecCourse.Plots;

namespace RecCourse.Notebooks.Export;

/// <summary>
/// Renders an executed notebook as one HTML page: markdown through Markdig, code in &lt;pre&gt;, outputs
/// inline (HTML outputs as they are, so plotly figures are live). When a figure is present, plotly.js is
/// put in the page once: inlined from the local npm copy when found (offline), else from the CDN.
/// </summary>
public static class HtmlExporter
{
    private const string MathJaxTag =
        "<script>window.MathJax = { tex: { inlineMath: [['\\\\(', '\\\\)']], displayMath: [['\\\\[', '\\\\]']] } };</script>\n" +
        "<script async src=\"https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js\"></script>";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }
        pre { background: #f6f8fa; padding: .6em; overflow-x: auto; border-radius: 4px; }
        pre.stderr { background: #fff4e5; } pre.error { background: #fde7e9; color: #8b0000; }
        .cell { margin: 1em 0; } .output { margin-left: 1.5em; }
        table.rc-table { border-collapse: collapse; } table.rc-table td, table.rc-table th { border: 1px solid #ccc; padding: 2px 6px; }
        """;

    /// <summary>The page HTML. <paramref name="plotlySearchStart"/> is where the local plotly.js search starts (default: the notebook's folder).</summary>
    public static string Export(Notebook notebook, string? plotlySearchStart = null)
    {
        var title = Path.GetFileNameWithoutExtension(notebook.Path);
        var body = new StringBuilder();
        var hasFigures = false;
        foreach (var cell in notebook.Cells)
        {
            body.Append("<div class=\"cell\">\n");
            if (cell.Kind == CellKind.Markdown || Running.NotebookRunner.IsMarkdownMagic(cell.Source))
            {
                var text = cell.Kind == CellKind.Markdown ? cell.Source : cell.Source.TrimStart()["#!markdown".Length..];
                body.Append(Markdown.ToHtml(text, Pipeline));
            }
            else
            {
                body.Append("<pre class=\"code\"><code>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre>\n");
                foreach (var output in cell.Outputs)
                {
                    body.Append("<div class=\"output\">");
                    switch (output.OutputType)
                    {
                        case "stream":
                            body.Append($"<pre class=\"{output.StreamName}\">").Append(WebUtility.HtmlEncode(output.Text)).Append("</pre>");
                            break;
                        case "error":
                            body.Append("<pre class=\"error\">").Append(WebUtility.HtmlEncode(
                                string.Join("\n", new[] { output.EValue ?? "" }.Concat(output.Traceback.Skip(1))))).Append("</pre>");
                            break;
                        default:
                            if (output.Data.TryGetValue("text/html", out var html))
                            {
                                hasFigures |= html.Contains("Plotly.newPlot", StringComparison.Ordinal);
                                body.Append(html);
                            }
                            else
                            {
                                body.Append("<pre>").Append(WebUtility.HtmlEncode(output.PlainText)).Append("</pre>");
                            }
                            break;
                    }
                    body.Append("</div>\n");
                }
            }
            body.Append("</div>\n");
        }
        var head = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        head.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n");
        if (hasFigures) head.Append(PlotlyJs.ScriptTag(plotlySearchStart ?? notebook.BaseDirectory)).Append('\n');
        // Markdig's math extension emits \( \) and \[ \] inside .math elements; MathJax typesets them.
        // Offline the page still reads well: the TeX source stays visible.
        if (body.ToString().Contains("class=\"math\"", StringComparison.Ordinal)) head.Append(MathJaxTag).Append('\n');
        head.Append("</head>\n<body>\n");
        return head.Append(body).Append("</body></html>\n").ToString();
    }
}
