using System.Text.Json.Nodes;
using RecCourse.Plots;

namespace RecCourse.Tests.Plots;

public sealed class PlotTests
{
    private static JsonObject Json(Figure f) => JsonNode.Parse(f.ToJson())!.AsObject();

    private static JsonArray Data(Figure f) => Json(f)["data"]!.AsArray();

    [Fact]
    public void Figure_json_has_data_layout_and_config()
    {
        var json = Json(Plot.Line([0, 1], [2, 3]));
        Assert.Equal(["data", "layout", "config"], json.Select(p => p.Key));
    }

    [Fact]
    public void Scatter_by_group_makes_one_trace_per_group_in_first_appearance_order()
    {
        var fig = Plot.Scatter([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], ["b", "a", "b", "c", "a"], text: ["p", "q", "r", "s", "t"]);
        var data = Data(fig);
        Assert.Equal(["b", "a", "c"], data.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal([1.0, 3.0], data[0]!["x"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal(["q", "t"], data[1]!["text"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.All(data, t => Assert.Equal("markers", t!["mode"]!.GetValue<string>()));
    }

    [Fact]
    public void Line_uses_lines_mode_and_non_finite_values_become_null()
    {
        var trace = Data(Plot.Line([0, 1, 2], [1, double.NaN, double.PositiveInfinity], "loss"))[0]!;
        Assert.Equal("lines", trace["mode"]!.GetValue<string>());
        Assert.Null(trace["y"]![1]);
        Assert.Null(trace["y"]![2]);
    }

    [Fact]
    public void Lines_makes_one_named_trace_per_series()
    {
        var fig = Plot.Lines([1, 2], new Dictionary<string, double[]> { ["train"] = [1, 0.5], ["valid"] = [1.1, 0.9] });
        Assert.Equal(["train", "valid"], Data(fig).Select(t => t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Bar_histogram_and_heatmap_have_their_trace_types()
    {
        Assert.Equal("bar", Data(Plot.Bar(["a", "b"], [1, 2]))[0]!["type"]!.GetValue<string>());
        var hist = Data(Plot.Histogram([1, 2, 2, 3], bins: 3))[0]!;
        Assert.Equal("histogram", hist["type"]!.GetValue<string>());
        Assert.Equal(3, hist["nbinsx"]!.GetValue<int>());
        var heat = Data(Plot.Heatmap(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, ["a", "b", "c"], ["r1", "r2"]))[0]!;
        Assert.Equal("heatmap", heat["type"]!.GetValue<string>());
        Assert.Equal(2, heat["z"]!.AsArray().Count);
        Assert.Equal(3, heat["z"]![0]!.AsArray().Count);
        Assert.Equal(6.0, heat["z"]![1]![2]!.GetValue<double>());
    }

    [Fact]
    public void Titles_and_axis_labels_use_plotly_title_objects()
    {
        var layout = Json(Plot.Bar(["a"], [1]).WithTitle("T").WithLabels("X", "Y"))["layout"]!;
        Assert.Equal("T", layout["title"]!["text"]!.GetValue<string>());
        Assert.Equal("X", layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("Y", layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Grid_puts_each_panel_on_its_own_axes_with_its_titles()
    {
        var fig = Plot.Grid(2, 2,
            Plot.Scatter([1, 2], [1, 2], ["g", "h"]).WithTitle("scatter").WithXLabel("a"),
            Plot.Bar(["a"], [1]).WithYLabel("count"),
            Plot.Histogram([1, 2, 3]));
        var json = Json(fig);
        var data = json["data"]!.AsArray();
        Assert.Equal(4, data.Count);
        Assert.Equal(["x", "x", "x2", "x3"], data.Select(t => t!["xaxis"]!.GetValue<string>()));
        Assert.Equal(["y", "y", "y2", "y3"], data.Select(t => t!["yaxis"]!.GetValue<string>()));
        var layout = json["layout"]!;
        Assert.Equal(2, layout["grid"]!["rows"]!.GetValue<int>());
        Assert.Equal(2, layout["grid"]!["columns"]!.GetValue<int>());
        Assert.Equal("a", layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("count", layout["yaxis2"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("scatter", layout["annotations"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Mismatched_lengths_name_both_arguments()
    {
        var e = Assert.Throws<ArgumentException>(() => Plot.Scatter([1, 2, 3], [1, 2]));
        Assert.Contains("x has 3 values but y has 2", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Plot.Grid(1, 1, Plot.Line([1], [1]), Plot.Line([1], [1])));
        Assert.Throws<ArgumentException>(() => Plot.Heatmap([[1.0, 2.0], [3.0]]));
    }

    [Fact]
    public void Html_embeds_the_json_safely_and_draws_with_plotly()
    {
        var html = Plot.Bar(["</script><b>"], [1]).ToHtml();
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("</script>").Length - 1);
        Assert.Contains(PlotlyJs.CdnUrl, html, StringComparison.Ordinal);
    }
}
