using RecCourse.Notebooks.Formatting;
using RecCourse.Plots;

namespace RecCourse.Notebooks.Tests.Formatting;

public sealed class DisplayFormatterTests
{
    [Fact]
    public void Library_figure_formats_as_html_through_the_attribute_convention()
    {
        var bundle = DisplayFormatter.ToMimeBundle(Plot.Bar(["a"], [1.0]));
        Assert.Contains("Plotly.newPlot", bundle["text/html"], StringComparison.Ordinal);
    }

    [Fact]
    public void Attribute_is_matched_by_name_from_any_assembly_or_namespace()
    {
        var bundle = DisplayFormatter.ToMimeBundle(new Convention.Badge("hi"));
        Assert.Equal("<b>hi</b>", bundle["text/html"]);
    }

    [Fact]
    public void Scalars_are_invariant_plain_text()
    {
        Assert.Equal("1.5", DisplayFormatter.ToMimeBundle(1.5)["text/plain"]);
        Assert.Equal("<null>", DisplayFormatter.ToMimeBundle(null)["text/plain"]);
        Assert.False(DisplayFormatter.ToMimeBundle("text").ContainsKey("text/html"));
    }

    [Fact]
    public void Dictionaries_show_key_and_value_columns_and_html_is_encoded()
    {
        var html = DisplayFormatter.ToMimeBundle(new Dictionary<string, int> { ["<a>"] = 1 })["text/html"];
        Assert.Contains("<th>key</th><th>value</th>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;a&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_limit_reports_the_rest()
    {
        var html = DisplayFormatter.ToMimeBundle(Enumerable.Range(0, DisplayFormatter.RowLimit + 7).ToList())["text/html"];
        Assert.Equal(DisplayFormatter.RowLimit, html.Split("<tr><td>").Length - 1);
        Assert.Contains("… 7 more rows", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_cells_show_six_significant_digits_while_plain_text_round_trips()
    {
        var rows = new[] { new { metric = "RMSE", value = 0.7795974575413033 } };
        var bundle = DisplayFormatter.ToMimeBundle(rows);
        Assert.Contains("<td>0.779597</td>", bundle["text/html"], StringComparison.Ordinal);
        Assert.Equal("0.7795974575413033", DisplayFormatter.ToMimeBundle(0.7795974575413033)["text/plain"]);
    }
}
