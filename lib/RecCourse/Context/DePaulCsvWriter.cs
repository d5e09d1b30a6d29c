using System.Globalization;
using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// Writes a data set with context in the format <see cref="DePaulCsvReader"/> reads (header
/// <c>user,item,rating,&lt;dimensions…&gt;</c>, raw ids, condition names), e.g. to hand the synthetic
/// set's contextual ratings to another tool or to show the reader on a real file. A condition recorded
/// as <see cref="ContextCondition.Unknown"/> is written as the <c>missing</c> marker (DePaulMovie's <c>NA</c>).
/// </summary>
public static class DePaulCsvWriter
{
    /// <exception cref="ArgumentException">The data set has no context, or an id or name contains a comma (the format has no quoting).</exception>
    public static void Write(RecDataset data, string path, string missing = DePaulCsvReader.DefaultMissing)
    {
        ArgumentNullException.ThrowIfNull(data);
        var schema = data.Context ?? throw new ArgumentException($"Data set '{data.Name}' has no context schema.", nameof(data));
        var ctx = data.Ratings.Context ?? throw new ArgumentException($"Data set '{data.Name}' has no context columns.", nameof(data));
        string Field(string s, string what) =>
            s.Contains(',') || s.Contains('\n') ? throw new ArgumentException($"{what} '{s}' contains a comma or line break, which this CSV format cannot quote.", nameof(data)) : s;
        Field(missing, "The missing-condition marker");
        for (int d = 0; d < schema.Dimensions.Length; d++)
            foreach (var c in schema.Conditions[d])
            {
                Field(c, $"Condition of {schema.Dimensions[d]}");
                if (c == missing) throw new ArgumentException($"Condition '{c}' of {schema.Dimensions[d]} is the missing-condition marker; the file could not be read back.", nameof(missing));
            }
        using var w = new StreamWriter(path);
        w.WriteLine(string.Join(",", new[] { "user", "item", "rating" }.Concat(schema.Dimensions.Select(d => Field(d, "Dimension")))));
        var r = data.Ratings;
        for (int k = 0; k < r.Count; k++)
        {
            w.Write(Field(data.UserIds.IdAt(r.Users[k]), "User id")); w.Write(',');
            w.Write(Field(data.ItemIds.IdAt(r.Items[k]), "Item id")); w.Write(',');
            w.Write(r.Values[k].ToString("R", CultureInfo.InvariantCulture));
            for (int d = 0; d < ctx.Length; d++) { w.Write(','); w.Write(ctx[d][k] == ContextCondition.Unknown ? missing : schema.Conditions[d][ctx[d][k]]); }
            w.WriteLine();
        }
    }
}
