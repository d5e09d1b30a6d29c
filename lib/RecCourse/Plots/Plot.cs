using System.Text.Json.Nodes;

namespace RecCourse.Plots;

/// <summary>
/// Builds plotly.js figures from plain arrays. Non-finite values (NaN, ±∞) become JSON null, which
/// plotly draws as gaps. Every builder validates that paired sequences have equal lengths.
/// </summary>
public static class Plot
{
    /// <summary>
    /// A scatter plot. With <paramref name="group"/>, one trace per distinct group (in order of first
    /// appearance, named after it) so each group gets its own colour and legend entry.
    /// <paramref name="text"/> is shown on hover. <paramref name="lines"/> draws lines instead of markers.
    /// </summary>
    public static Figure Scatter(IEnumerable<double> x, IEnumerable<double> y, IEnumerable<string>? group = null,
        IEnumerable<string>? text = null, string? name = null, bool lines = false)
    {
        var xs = x.ToArray();
        var ys = y.ToArray();
        RequireSameLength(xs.Length, ys.Length, nameof(x), nameof(y));
        var texts = text?.ToArray();
        if (texts is not null) RequireSameLength(xs.Length, texts.Length, nameof(x), nameof(text));
        var mode = lines ? "lines" : "markers";
        if (group is null) return new Figure([Trace("scatter", mode, xs, ys, texts, name)]);

        var groups = group.ToArray();
        RequireSameLength(xs.Length, groups.Length, nameof(x), nameof(group));
        var traces = groups.Select((g, i) => (g, i)).GroupBy(p => p.g, p => p.i)
            .Select(g => Trace("scatter", mode,
                g.Select(i => xs[i]).ToArray(), g.Select(i => ys[i]).ToArray(),
                texts is null ? null : g.Select(i => texts[i]).ToArray(), g.Key));
        return new Figure(traces);
    }

    /// <summary>One line (e.g. a loss curve): y against x.</summary>
    public static Figure Line(IEnumerable<double> x, IEnumerable<double> y, string? name = null) =>
        Scatter(x, y, name: name, lines: true);

    /// <summary>One line per named series over a shared x (e.g. training and validation loss per epoch).</summary>
    public static Figure Lines(IEnumerable<double> x, IReadOnlyDictionary<string, double[]> series)
    {
        var xs = x.ToArray();
        var traces = new List<JsonObject>();
        foreach (var (name, ys) in series)
        {
            RequireSameLength(xs.Length, ys.Length, nameof(x), $"series '{name}'");
            traces.Add(Trace("scatter", "lines", xs, ys, null, name));
        }
        return new Figure(traces);
    }

    /// <summary>A bar chart: one bar per category.</summary>
    public static Figure Bar(IEnumerable<string> categories, IEnumerable<double> values, string? name = null)
    {
        var cats = categories.ToArray();
        var vals = values.ToArray();
        RequireSameLength(cats.Length, vals.Length, nameof(categories), nameof(values));
        var trace = new JsonObject { ["type"] = "bar", ["x"] = Strings(cats), ["y"] = Numbers(vals) };
        if (name is not null) trace["name"] = name;
        return new Figure([trace]);
    }

    /// <summary>Grouped bars: one trace per named series over the same categories.</summary>
    public static Figure Bars(IEnumerable<string> categories, IReadOnlyDictionary<string, double[]> series)
    {
        var cats = categories.ToArray();
        var traces = series.Select(s =>
        {
            RequireSameLength(cats.Length, s.Value.Length, nameof(categories), $"series '{s.Key}'");
            return new JsonObject { ["type"] = "bar", ["name"] = s.Key, ["x"] = Strings(cats), ["y"] = Numbers(s.Value) };
        });
        return new Figure(traces, new JsonObject { ["barmode"] = "group" });
    }

    /// <summary>A histogram of <paramref name="values"/>; <paramref name="bins"/> is plotly's upper bound on the bin count.</summary>
    public static Figure Histogram(IEnumerable<double> values, int bins = 30, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var trace = new JsonObject { ["type"] = "histogram", ["x"] = Numbers(values.ToArray()), ["nbinsx"] = bins };
        if (name is not null) trace["name"] = name;
        return new Figure([trace]);
    }

    /// <summary>
    /// A heatmap of a rows × columns matrix (<paramref name="z"/>[row][column]); optional labels must
    /// match the column and row counts.
    /// </summary>
    public static Figure Heatmap(IReadOnlyList<double[]> z, IReadOnlyList<string>? columnLabels = null,
        IReadOnlyList<string>? rowLabels = null, string colorscale = "Viridis")
    {
        if (z.Count == 0) throw new ArgumentException("heatmap needs at least one row", nameof(z));
        var columns = z[0].Length;
        for (var r = 0; r < z.Count; r++)
        {
            if (z[r].Length != columns)
                throw new ArgumentException($"heatmap row {r} has {z[r].Length} values, row 0 has {columns}", nameof(z));
        }
        var trace = new JsonObject
        {
            ["type"] = "heatmap",
            ["z"] = new JsonArray(z.Select(row => (JsonNode?)Numbers(row)).ToArray()),
            ["colorscale"] = colorscale,
        };
        if (columnLabels is not null)
        {
            RequireSameLength(columns, columnLabels.Count, "columns of z", nameof(columnLabels));
            trace["x"] = Strings(columnLabels);
        }
        if (rowLabels is not null)
        {
            RequireSameLength(z.Count, rowLabels.Count, "rows of z", nameof(rowLabels));
            trace["y"] = Strings(rowLabels);
        }
        return new Figure([trace]);
    }

    /// <summary>A heatmap of a 2-D array [row, column].</summary>
    public static Figure Heatmap(double[,] z, IReadOnlyList<string>? columnLabels = null, IReadOnlyList<string>? rowLabels = null) =>
        Heatmap(Enumerable.Range(0, z.GetLength(0))
            .Select(r => Enumerable.Range(0, z.GetLength(1)).Select(c => z[r, c]).ToArray()).ToArray(), columnLabels, rowLabels);

    /// <summary>
    /// A grid of subplots, filled row by row: panel k keeps its traces, axis titles and title, on its
    /// own axes (<c>x{k+1}</c>/<c>y{k+1}</c>, plotly's <c>layout.grid</c> with independent axes).
    /// </summary>
    public static Figure Grid(int rows, int columns, params Figure[] panels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (panels.Length > rows * columns)
            throw new ArgumentException($"{panels.Length} panels do not fit a {rows}×{columns} grid", nameof(panels));
        var traces = new List<JsonObject>();
        var layout = new JsonObject
        {
            ["grid"] = new JsonObject { ["rows"] = rows, ["columns"] = columns, ["pattern"] = "independent" },
        };
        var annotations = new JsonArray();
        for (var k = 0; k < panels.Length; k++)
        {
            var suffix = k == 0 ? "" : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var t in panels[k].Traces)
            {
                var copy = (JsonObject)t.DeepClone();
                copy["xaxis"] = "x" + suffix;
                copy["yaxis"] = "y" + suffix;
                traces.Add(copy);
            }
            layout["xaxis" + suffix] = panels[k].Layout["xaxis"]?.DeepClone() ?? new JsonObject();
            layout["yaxis" + suffix] = panels[k].Layout["yaxis"]?.DeepClone() ?? new JsonObject();
            if (panels[k].Layout["title"]?["text"]?.GetValue<string>() is { } title)
            {
                annotations.Add(new JsonObject
                {
                    ["text"] = title, ["showarrow"] = false, ["x"] = 0.5, ["y"] = 1.0,
                    ["xref"] = $"x{suffix} domain", ["yref"] = $"y{suffix} domain",
                    ["xanchor"] = "center", ["yanchor"] = "bottom",
                });
            }
        }
        if (annotations.Count > 0) layout["annotations"] = annotations;
        return new Figure(traces, layout) { Height = 300 * rows };
    }

    private static JsonObject Trace(string type, string mode, double[] x, double[] y, string[]? text, string? name)
    {
        var trace = new JsonObject { ["type"] = type, ["mode"] = mode, ["x"] = Numbers(x), ["y"] = Numbers(y) };
        if (text is not null)
        {
            trace["text"] = Strings(text);
            trace["hoverinfo"] = "text+x+y";
        }
        if (name is not null) trace["name"] = name;
        return trace;
    }

    private static JsonArray Numbers(IReadOnlyList<double> values) =>
        new(values.Select(v => double.IsFinite(v) ? (JsonNode?)JsonValue.Create(v) : null).ToArray());

    private static JsonArray Strings(IReadOnlyList<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static void RequireSameLength(int a, int b, string nameA, string nameB)
    {
        if (a != b) throw new ArgumentException($"{nameA} has {a} values but {nameB} has {b}");
    }
}
