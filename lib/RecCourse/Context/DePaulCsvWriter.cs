using System.Globalization;
using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// Writes a data set with context in the format <see cref="DePaulCsvReader"/> reads (header
/// <c>user,item,rating,&lt;dimensions…&gt;</c>, raw ids, condition names), e.g. to hand the synthetic
/// set's contextual ratings to another tool or to show the reader on a real file.
/// </summary>
public static class DePaulCsvWriter
{
    /// <exception cref="ArgumentException">The data set has no context, or an id or name contains a comma (the format has no quoting).</exception>
    public static void Write(RecDataset data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        var schema = data.Context ?? throw new ArgumentException($"Data set '{data.Name}' has no context schema.", nameof(data));
        var ctx = data.Ratings.Context ?? throw new ArgumentException($"Data set '{data.Name}' has no context columns.", nameof(data));
        string Field(string s, string what) =>
            s.Contains(',') || s.Contains('\n') ? throw new ArgumentException($"{what} '{s}' contains a comma or line break, which this CSV format cannot quote.", nameof(data)) : s;
        for (int d = 0; d < schema.Dimensions.Length; d++)
            foreach (var c in schema.Conditions[d]) Field(c, $"Condition of {schema.Dimensions[d]}");
        using var w = new StreamWriter(path);
        w.WriteLine(string.Join(",", new[] { "user", "item", "rating" }.Concat(schema.Dimensions.Select(d => Field(d, "Dimension")))));
        var r = data.Ratings;
        for (int k = 0; k < r.Count; k++)
        {
            w.Write(Field(data.UserIds.IdAt(r.Users[k]), "User id")); w.Write(',');
            w.Write(Field(data.ItemIds.IdAt(r.Items[k]), "Item id")); w.Write(',');
            w.Write(r.Values[k].ToString("R", CultureInfo.InvariantCulture));
            for (int d = 0; d < ctx.Length; d++) { w.Write(','); w.Write(Field(schema.Conditions[d][ctx[d][k]], $"Condition of {schema.Dimensions[d]}")); }
            w.WriteLine();
        }
    }
}
