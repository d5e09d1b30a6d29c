using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecCourse.Display;

/// <summary>
/// The key results of one lesson notebook, recorded by its last cell (<c>var r = new
/// LessonResults("03"); r.Add("mfTestRmse", rmse); r</c>) so the notebook tests can read them back.
/// Displays as an HTML table for the reader and as application/json
/// (<c>{"lesson":"03","results":{"mfTestRmse":0.93,…}}</c>) for the tests; both come from
/// <see cref="LessonResultsFormatterSource"/>.
/// </summary>
[TypeFormatterSource(typeof(LessonResultsFormatterSource), PreferredMimeTypes = ["text/html", "application/json"])]
public sealed class LessonResults : IHtmlRenderable
{
    /// <summary>MIME type of <see cref="ToJson"/>.</summary>
    public const string JsonMimeType = "application/json";

    private readonly List<(string Name, JsonNode? Value, string Note)> _entries = [];

    /// <summary>Results of lesson <paramref name="lesson"/> (e.g. "03"); names must be unique.</summary>
    /// <exception cref="ArgumentException"><paramref name="lesson"/> is empty.</exception>
    public LessonResults(string lesson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lesson);
        Lesson = lesson;
    }

    /// <summary>The lesson number as written in the notebook's file name ("00" … "07").</summary>
    public string Lesson { get; }

    /// <summary>Names in the order they were added.</summary>
    public IReadOnlyList<string> Names => _entries.Select(e => e.Name).ToList();

    /// <summary>
    /// Records a number. NaN and ±∞ are kept but written as JSON <c>null</c> (JSON has no such
    /// numbers), so a diverged training shows up as a missing value rather than a failing cell.
    /// </summary>
    /// <param name="name">A unique identifier-like name, e.g. "mfTestRmse".</param>
    /// <param name="value">The result.</param>
    /// <param name="note">Optional text shown in the HTML table only (units, what it is compared with).</param>
    /// <returns>This instance, so calls chain.</returns>
    /// <exception cref="ArgumentException">The name is empty or already recorded.</exception>
    public LessonResults Add(string name, double value, string note = "") =>
        Put(name, double.IsFinite(value) ? JsonValue.Create(value) : null, note);

    /// <summary>Records a yes/no result (e.g. "tTestFindsSplit"); written as JSON true/false.</summary>
    /// <inheritdoc cref="Add(string, double, string)"/>
    public LessonResults Add(string name, bool value, string note = "") => Put(name, JsonValue.Create(value), note);

    /// <summary>Records a text result (e.g. the data source used); written as a JSON string.</summary>
    /// <inheritdoc cref="Add(string, double, string)"/>
    public LessonResults Add(string name, string value, string note = "")
    {
        ArgumentNullException.ThrowIfNull(value);
        return Put(name, JsonValue.Create(value), note);
    }

    /// <summary>The one-line JSON <c>{"lesson":"NN","results":{name:value,…}}</c> in insertion order.</summary>
    public string ToJson()
    {
        var results = new JsonObject();
        foreach (var (name, value, _) in _entries) results[name] = value?.DeepClone();
        var root = new JsonObject { ["lesson"] = Lesson, ["results"] = results };
        return root.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>A two- or three-column table: result, value (numbers in G6) and the note when any entry has one.</summary>
    public string ToHtml()
    {
        var notes = _entries.Any(e => e.Note.Length > 0);
        var html = new StringBuilder();
        html.Append("<table class=\"reccourse-results\"><caption>Lesson ").Append(WebUtility.HtmlEncode(Lesson))
            .Append(" results</caption><thead><tr><th>result</th><th>value</th>");
        if (notes) html.Append("<th>note</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var (name, value, note) in _entries)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td>")
                .Append(WebUtility.HtmlEncode(Text(value))).Append("</td>");
            if (notes) html.Append("<td>").Append(WebUtility.HtmlEncode(note)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>"Lesson NN: name = value, …" (what a plain-text display shows).</summary>
    public override string ToString() =>
        $"Lesson {Lesson}: " + string.Join(", ", _entries.Select(e => $"{e.Name} = {Text(e.Value)}"));

    private LessonResults Put(string name, JsonNode? value, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(note);
        if (_entries.Any(e => e.Name == name))
            throw new ArgumentException($"result '{name}' is already recorded for lesson {Lesson}", nameof(name));
        _entries.Add((name, value, note));
        return this;
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "NaN",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("G6", CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };
}
