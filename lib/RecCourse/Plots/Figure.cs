using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecCourse.Display;

namespace RecCourse.Plots;

/// <summary>
/// A plotly.js figure: the standard <c>{data, layout, config}</c> JSON that <c>Plotly.newPlot</c> takes.
/// Build one with <see cref="Plot"/>, adjust it with the <c>With…</c> methods (each returns this figure),
/// display it in a notebook cell (it carries the TypeFormatterSource convention) or save it as HTML.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class Figure : IHtmlRenderable
{
    private static int _nextId;

    /// <summary>A figure from traces (plotly trace objects) and a layout.</summary>
    public Figure(IEnumerable<JsonObject> traces, JsonObject? layout = null)
    {
        Traces = [.. traces];
        Layout = layout ?? [];
        Config = new JsonObject { ["responsive"] = true, ["displaylogo"] = false };
    }

    /// <summary>The plotly traces (<c>data</c>), one per series/group.</summary>
    public List<JsonObject> Traces { get; }

    /// <summary>The plotly <c>layout</c> object (titles, axes, grid).</summary>
    public JsonObject Layout { get; }

    /// <summary>The plotly <c>config</c> object.</summary>
    public JsonObject Config { get; }

    /// <summary>Height in CSS pixels of the HTML element (default 420).</summary>
    public int Height { get; set; } = 420;

    /// <summary>Sets the figure title.</summary>
    public Figure WithTitle(string title)
    {
        Layout["title"] = new JsonObject { ["text"] = title };
        return this;
    }

    /// <summary>Sets the x-axis title (of the first subplot).</summary>
    public Figure WithXLabel(string label) => WithAxisTitle("xaxis", label);

    /// <summary>Sets the y-axis title (of the first subplot).</summary>
    public Figure WithYLabel(string label) => WithAxisTitle("yaxis", label);

    /// <summary>Sets both axis titles.</summary>
    public Figure WithLabels(string xLabel, string yLabel) => WithXLabel(xLabel).WithYLabel(yLabel);

    /// <summary>Uses a log scale on the y axis.</summary>
    public Figure WithLogY()
    {
        Axis("yaxis")["type"] = "log";
        return this;
    }

    /// <summary>Sets the HTML height in pixels.</summary>
    public Figure WithHeight(int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 50);
        Height = pixels;
        return this;
    }

    /// <summary>Adds the traces of <paramref name="other"/> on top of this figure (same axes).</summary>
    public Figure Overlay(Figure other)
    {
        Traces.AddRange(other.Traces.Select(t => (JsonObject)t.DeepClone()));
        return this;
    }

    /// <summary>The plotly figure JSON <c>{"data":[…],"layout":{…},"config":{…}}</c>.</summary>
    public string ToJson() => ToJsonObject().ToJsonString();

    /// <summary>The figure as a JSON object (a deep copy).</summary>
    public JsonObject ToJsonObject() => new()
    {
        ["data"] = new JsonArray(Traces.Select(t => (JsonNode?)t.DeepClone()).ToArray()),
        ["layout"] = Layout.DeepClone(),
        ["config"] = Config.DeepClone(),
    };

    /// <summary>
    /// An HTML fragment (a div and a script) that draws the figure. It uses <c>window.Plotly</c> when
    /// the page already has it (an exported notebook inlines plotly.js once) and otherwise loads
    /// plotly.js from <see cref="PlotlyJs.CdnUrl"/>.
    /// </summary>
    public string ToHtml()
    {
        var id = "rc-fig-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture)
            + "-" + Guid.NewGuid().ToString("N")[..6];
        // The default encoder escapes '<', '>' and '&', so the JSON cannot close the script element.
        var json = ToJsonObject().ToJsonString(new JsonSerializerOptions());
        var html = new StringBuilder();
        html.Append($"<div id=\"{id}\" class=\"rc-figure\" style=\"width:100%;height:{Height}px\"></div>\n");
        html.Append("<script type=\"text/javascript\">\n(function () {\n");
        html.Append($"  var fig = {json};\n");
        html.Append($"  var draw = function () {{ Plotly.newPlot(document.getElementById('{id}'), fig.data, fig.layout, fig.config); }};\n");
        html.Append("  if (window.Plotly) { draw(); return; }\n");
        html.Append("  var queue = window.__rcPlotlyQueue = window.__rcPlotlyQueue || [];\n");
        html.Append("  queue.push(draw);\n  if (queue.length > 1) return;\n");
        html.Append("  var s = document.createElement('script');\n");
        html.Append($"  s.src = '{PlotlyJs.CdnUrl}';\n");
        html.Append("  s.onload = function () { queue.splice(0).forEach(function (f) { f(); }); };\n");
        html.Append("  document.head.appendChild(s);\n})();\n</script>");
        return html.ToString();
    }

    /// <summary>
    /// A whole HTML page with this figure. plotly.js is inlined when a local copy is found
    /// (<see cref="PlotlyJs.FindLocalCopy"/>), so the page works offline; otherwise it comes from the CDN.
    /// </summary>
    public string ToStandaloneHtml(string? title = null) =>
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + System.Net.WebUtility.HtmlEncode(title ?? "figure")
        + "</title>\n" + PlotlyJs.ScriptTag() + "\n</head><body>\n" + ToHtml() + "\n</body></html>\n";

    /// <summary>Writes <see cref="ToStandaloneHtml"/> to <paramref name="path"/>.</summary>
    public void SaveHtml(string path) => File.WriteAllText(path, ToStandaloneHtml(Path.GetFileNameWithoutExtension(path)));

    /// <summary>Text form used where HTML cannot show: kind and trace count.</summary>
    public override string ToString() =>
        $"Figure({string.Join(", ", Traces.Select(t => t["type"]?.GetValue<string>() ?? "?").Distinct())}; {Traces.Count} traces)";

    private Figure WithAxisTitle(string axis, string label)
    {
        Axis(axis)["title"] = new JsonObject { ["text"] = label };
        return this;
    }

    private JsonObject Axis(string name)
    {
        if (Layout[name] is not JsonObject axis)
        {
            axis = [];
            Layout[name] = axis;
        }
        return axis;
    }
}
