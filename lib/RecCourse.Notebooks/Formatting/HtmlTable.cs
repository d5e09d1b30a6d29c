using System.Collections;
using System.Reflection;
using System.Text;

namespace RecCourse.Notebooks.Formatting;

/// <summary>
/// Renders a sequence as an HTML table: scalars as one "value" column; records and other objects
/// with one column per public property/field (of the first element's type); dictionaries as key/value.
/// </summary>
public static class HtmlTable
{
    /// <summary>An HTML &lt;table&gt; of at most <paramref name="rowLimit"/> rows plus a "… N more rows" line.</summary>
    public static string FromSequence(IEnumerable sequence, int rowLimit)
    {
        var rows = new List<object?>();
        var total = 0;
        foreach (var item in sequence)
        {
            if (total++ < rowLimit) rows.Add(item);
        }

        var columns = Columns(rows.FirstOrDefault(r => r is not null));
        var html = new StringBuilder("<table class=\"rc-table\"><thead><tr><th><i>index</i></th>");
        foreach (var (name, _) in columns) html.Append("<th>").Append(DisplayFormatter.Encode(name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < rows.Count; i++)
        {
            html.Append("<tr><td>").Append(i).Append("</td>");
            foreach (var (_, read) in columns)
            {
                string cell;
                try { cell = CellText(read(rows[i])); }
                catch (Exception e) { cell = $"<{e.GetType().Name}>"; }
                html.Append("<td>").Append(DisplayFormatter.Encode(cell)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (total > rowLimit) html.Append($"<p><i>… {total - rowLimit} more rows</i></p>");
        return html.ToString();
    }

    private static List<(string Name, Func<object?, object?> Read)> Columns(object? sample)
    {
        if (sample is null || DisplayFormatter.IsScalar(sample)) return [("value", x => x)];
        var type = sample.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            var key = type.GetProperty("Key")!;
            var value = type.GetProperty("Value")!;
            return [("key", x => x is null ? null : key.GetValue(x)), ("value", x => x is null ? null : value.GetValue(x))];
        }
        var columns = new List<(string, Func<object?, object?>)>();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.Name == "EqualityContract") continue;
            columns.Add((p.Name, x => x is null || !p.DeclaringType!.IsInstanceOfType(x) ? null : p.GetValue(x)));
        }
        foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            columns.Add((f.Name, x => x is null || !f.DeclaringType!.IsInstanceOfType(x) ? null : f.GetValue(x)));
        return columns.Count > 0 ? columns : [("value", x => x)];
    }

    /// <summary>A table cell: floating-point numbers in 6 significant digits (tables are read, not
    /// parsed; the full value is still the cell's text/plain elsewhere), everything else as <see cref="DisplayFormatter.ToText"/>.</summary>
    internal static string CellText(object? value) => value switch
    {
        double d => d.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
        _ => DisplayFormatter.ToText(value),
    };
}
