using System.Globalization;

namespace RecCourse.Data;

/// <summary>Splits delimited lines and parses fields, turning every failure into a <see cref="DataFormatException"/>.</summary>
internal readonly ref struct FieldParser
{
    private readonly string _file;
    private readonly int _line;

    public FieldParser(string file, int line) { _file = file; _line = line; }

    /// <summary>Splits <paramref name="line"/> into exactly <paramref name="fieldNames"/>.Length fields or throws naming the count.</summary>
    public void Split(ReadOnlySpan<char> line, char separator, Span<Range> ranges, string[] fieldNames)
    {
        Span<Range> buffer = stackalloc Range[fieldNames.Length + 1];
        int n = line.Split(buffer, separator);
        if (n != fieldNames.Length)
            throw Error(n < fieldNames.Length ? fieldNames[n] : fieldNames[^1],
                $"expected {fieldNames.Length} '{(separator == '\t' ? "\\t" : separator.ToString())}'-separated fields ({string.Join(", ", fieldNames)}), found {(n > fieldNames.Length ? "more" : n.ToString(CultureInfo.InvariantCulture))}.");
        buffer[..n].CopyTo(ranges);
    }

    public int Int(ReadOnlySpan<char> s, string field) =>
        int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v
            : throw Error(field, $"'{s.ToString()}' is not an integer.");

    public long Long(ReadOnlySpan<char> s, string field) =>
        long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v
            : throw Error(field, $"'{s.ToString()}' is not an integer.");

    public float Float(ReadOnlySpan<char> s, string field) =>
        float.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && float.IsFinite(v) ? v
            : throw Error(field, $"'{s.ToString()}' is not a number.");

    public DataFormatException Error(string field, string problem) => new(_file, _line, field, problem);
}
