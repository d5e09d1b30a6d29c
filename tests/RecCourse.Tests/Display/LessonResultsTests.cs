using System.Text.Json.Nodes;
using RecCourse.Display;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Display;

public sealed class LessonResultsTests
{
    [Fact]
    public void Json_has_lesson_and_results_in_insertion_order()
    {
        var r = new LessonResults("03").Add("mfTestRmse", 0.93).Add("tTestFindsSplit", true).Add("data", "synthetic");
        var json = JsonNode.Parse(r.ToJson())!;
        Assert.Equal("03", json["lesson"]!.GetValue<string>());
        var results = json["results"]!.AsObject();
        Assert.Equal(["mfTestRmse", "tTestFindsSplit", "data"], results.Select(p => p.Key));
        Approx.AssertClose(0.93, results["mfTestRmse"]!.GetValue<double>(), 1e-12, 0);
        Assert.True(results["tTestFindsSplit"]!.GetValue<bool>());
        Assert.Equal("synthetic", results["data"]!.GetValue<string>());
    }

    [Fact]
    public void Non_finite_numbers_become_null_and_show_as_NaN()
    {
        var r = new LessonResults("02").Add("diverged", double.NaN).Add("inf", double.PositiveInfinity);
        var results = JsonNode.Parse(r.ToJson())!["results"]!.AsObject();
        Assert.True(results.ContainsKey("diverged"));
        Assert.Null(results["diverged"]);
        Assert.Null(results["inf"]);
        Assert.Contains("<td>NaN</td>", r.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_or_empty_names_are_rejected_with_the_name()
    {
        var r = new LessonResults("01").Add("a", 1.0);
        var e = Assert.Throws<ArgumentException>(() => r.Add("a", 2.0));
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => r.Add(" ", 2.0));
        Assert.Throws<ArgumentException>(() => new LessonResults(""));
    }

    [Fact]
    public void Html_escapes_and_shows_notes_column_only_when_used()
    {
        var plain = new LessonResults("00").Add("x<y", 1.5).ToHtml();
        Assert.Contains("x&lt;y", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>note</th>", plain, StringComparison.Ordinal);
        var noted = new LessonResults("00").Add("rmse", 0.9, "test split").ToHtml();
        Assert.Contains("<th>note</th>", noted, StringComparison.Ordinal);
        Assert.Contains("<td>test split</td>", noted, StringComparison.Ordinal);
    }

    [Fact]
    public void Formatter_source_yields_html_and_json_that_decline_other_values()
    {
        var formatters = new LessonResultsFormatterSource().CreateTypeFormatters().ToList();
        var html = Assert.IsType<HtmlFormatter>(formatters[0]);
        var json = Assert.IsType<JsonFormatter>(formatters[1]);
        Assert.Equal("application/json", json.MimeType);
        var r = new LessonResults("03").Add("k", 2.0);
        var w = new StringWriter();
        Assert.True(json.Format(r, w));
        Assert.Equal(r.ToJson(), w.ToString());
        Assert.False(json.Format("not results", new StringWriter()));
        Assert.True(html.Format(r, new StringWriter()));
        var attribute = Assert.Single(typeof(LessonResults).GetCustomAttributes(typeof(TypeFormatterSourceAttribute), false));
        Assert.Equal(typeof(LessonResultsFormatterSource), ((TypeFormatterSourceAttribute)attribute).FormatterSourceType);
    }
}
