using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace RecCourse.Fairness;

/// <summary>Renders rows of records (one column per public property) as Markdown or HTML tables.</summary>
internal static class ReportTable
{
    public static string Markdown(IReadOnlyList<object> rows)
    {
        if (rows.Count == 0) return "";
        var props = Columns(rows[0]);
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", props.Select(p => p.Name)).AppendLine(" |");
        sb.Append('|').AppendJoin("", props.Select(p => IsNumeric(p.PropertyType) ? "---:|" : "---|")).AppendLine();
        foreach (var row in rows)
            sb.Append("| ").AppendJoin(" | ", props.Select(p => Format(p.GetValue(row)).Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
        return sb.ToString();
    }

    public static string Html(IReadOnlyList<object> rows)
    {
        if (rows.Count == 0) return "";
        var props = Columns(rows[0]);
        var sb = new StringBuilder("<table>\n<thead><tr>");
        foreach (var p in props) sb.Append("<th>").Append(WebUtility.HtmlEncode(p.Name)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var p in props)
                sb.Append(IsNumeric(p.PropertyType) ? "<td style=\"text-align:right\">" : "<td>")
                  .Append(WebUtility.HtmlEncode(Format(p.GetValue(row)))).Append("</td>");
            sb.Append("</tr>\n");
        }
        return sb.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>Numbers with four decimals (integers as they are), booleans yes/no, sequences comma-joined.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        double d => double.IsNaN(d) ? "—" : d.ToString("0.0000", CultureInfo.InvariantCulture),
        float f => float.IsNaN(f) ? "—" : f.ToString("0.0000", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        string s => s,
        IEnumerable e => string.Join(", ", e.Cast<object?>().Select(Format)),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static PropertyInfo[] Columns(object row) =>
        row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToArray();

    private static bool IsNumeric(Type t) => t == typeof(double) || t == typeof(float) || t == typeof(int) || t == typeof(long);
}
