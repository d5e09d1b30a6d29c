using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace RecCourse.Notebooks.Formatting;

/// <summary>
/// Turns a displayed value into a MIME bundle. Order: a type's own formatters found through an
/// attribute named <c>TypeFormatterSourceAttribute</c> (the dependency-free .NET Interactive
/// convention, so library types display the same here and in VS Code); then any non-string
/// <see cref="IEnumerable"/> as an HTML table (rows capped at <see cref="RowLimit"/>); then text/plain.
/// </summary>
public static class DisplayFormatter
{
    /// <summary>Rows shown for a sequence; the rest are summarised as "… N more rows".</summary>
    public const int RowLimit = 20;

    /// <summary>MIME type → content; never empty (text/plain at least).</summary>
    public static IReadOnlyDictionary<string, string> ToMimeBundle(object? value)
    {
        if (value is null) return Plain("<null>");
        if (TryConventionFormatters(value) is { } bundle) return bundle;
        if (value is string s) return Plain(s);
        if (value is IEnumerable sequence && !IsScalar(value))
        {
            return new Dictionary<string, string>
            {
                ["text/html"] = HtmlTable.FromSequence(sequence, RowLimit),
                ["text/plain"] = PlainSequence(sequence),
            };
        }
        return Plain(ToText(value));
    }

    /// <summary>Invariant-culture text of a scalar; floating-point numbers round-trip, as .NET Interactive shows them.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "<null>",
        double d => d.ToString(CultureInfo.InvariantCulture),
        float f => f.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    internal static bool IsScalar(object value) =>
        value is string || value.GetType().IsPrimitive || value is decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum;

    private static Dictionary<string, string> Plain(string text) => new() { ["text/plain"] = text };

    private static string PlainSequence(IEnumerable sequence)
    {
        var items = new List<string>();
        var count = 0;
        foreach (var item in sequence)
        {
            if (count++ < RowLimit) items.Add(ToText(item));
        }
        var more = count > RowLimit ? $", … {count - RowLimit} more" : "";
        return "[" + string.Join(", ", items) + more + "]";
    }

    private static Dictionary<string, string>? TryConventionFormatters(object value)
    {
        // Matched by name, not type: library assemblies define their own attribute without depending on us.
        var attributes = value.GetType().GetCustomAttributes(inherit: true)
            .Where(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        foreach (var attribute in attributes)
        {
            if (attribute.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType) continue;
            var source = Activator.CreateInstance(sourceType);
            if (sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance)?.Invoke(source, null)
                is not IEnumerable formatters) continue;
            var bundle = new Dictionary<string, string>();
            foreach (var formatter in formatters)
            {
                if (formatter is null) continue;
                var type = formatter.GetType();
                var mime = type.GetProperty("MimeType")?.GetValue(formatter) as string;
                var format = type.GetMethod("Format", [typeof(object), typeof(TextWriter)]);
                if (mime is null || format is null || bundle.ContainsKey(mime)) continue;
                var writer = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
                if (format.Invoke(formatter, [value, writer]) is true) bundle[mime] = writer.ToString();
            }
            if (bundle.Count > 0) return bundle;
        }
        return null;
    }

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}
