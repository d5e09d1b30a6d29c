using System.Globalization;
using System.Text;

namespace RecCourse.Data;

/// <summary>
/// Writes a <see cref="RecDataset"/> in the ml-100k file layout, so every reader and notebook path is
/// shared between the synthetic set and the real one: u.data, u.item, u.user, u.genre,
/// u.occupation, u.info, the splits u1…u5 (5 disjoint 20 % test folds) and ua/ub (10 test ratings
/// per user, disjoint), plus <c>u.context</c> when the ratings carry context and
/// <c>synthetic.json</c> for synthetic sets.
/// </summary>
/// <remarks>
/// u.context: header lines <c>#dimension&lt;TAB&gt;Time&lt;TAB&gt;Weekday,Weekend</c>, then one line per
/// rating <c>user id&lt;TAB&gt;item id&lt;TAB&gt;condition…</c> (keyed by the (user, item) pair, which is
/// unique in MovieLens, so the split files find their contexts too). Raw ids must be integers
/// listed in ascending order in the id index (true for ml-100k and the synthetic set), since the
/// reader orders indices by numeric id.
/// </remarks>
public static class MovieLensWriter
{
    public const string ContextFileName = "u.context";

    /// <summary>Writes <paramref name="data"/> into <paramref name="dir"/> (created when missing). Split files use <paramref name="splitSeed"/>.</summary>
    public static void Write(RecDataset data, string dir, int splitSeed = 42)
    {
        CheckIds(data.UserIds, "user"); CheckIds(data.ItemIds, "item");
        Directory.CreateDirectory(dir);
        var r = data.Ratings;
        var lines = RatingLines(data);
        WriteRatings(Path.Combine(dir, "u.data"), lines, Enumerable.Range(0, r.Count));

        var sb = new StringBuilder();
        for (int i = 0; i < data.NumItems; i++)
        {
            var it = data.Items[i];
            if (it.Title.Contains('|')) throw new ArgumentException($"Item {data.ItemIds.IdAt(i)}'s title contains '|', which u.item cannot hold.", nameof(data));
            sb.Append(data.ItemIds.IdAt(i)).Append('|').Append(it.Title).Append('|');
            if (it.Year is int y) sb.Append("01-Jan-").Append(y.ToString("D4", CultureInfo.InvariantCulture));
            sb.Append("||");
            for (int g = 0; g < 19; g++) sb.Append('|').Append(Array.IndexOf(it.Genres, g) >= 0 ? '1' : '0');
            sb.Append('\n');
        }
        File.WriteAllText(Path.Combine(dir, "u.item"), sb.ToString(), Encoding.Latin1);

        sb.Clear();
        for (int u = 0; u < data.NumUsers; u++)
        {
            var info = data.Users?[u] ?? new UserInfo(0, "M", "none", "00000");
            sb.Append(data.UserIds.IdAt(u)).Append('|').Append(info.Age.ToString(CultureInfo.InvariantCulture))
              .Append('|').Append(info.Gender).Append('|').Append(info.Occupation).Append('|').Append(info.Zip).Append('\n');
        }
        File.WriteAllText(Path.Combine(dir, "u.user"), sb.ToString(), Encoding.Latin1);

        File.WriteAllText(Path.Combine(dir, "u.genre"),
            string.Concat(MovieLens100k.GenreNames.Select((g, k) => $"{g}|{k}\n")), Encoding.Latin1);
        File.WriteAllText(Path.Combine(dir, "u.occupation"), string.Concat(MovieLens100k.Occupations.Select(o => o + "\n")), Encoding.Latin1);
        File.WriteAllText(Path.Combine(dir, "u.info"),
            $"{data.NumUsers} users\n{data.NumItems} items\n{r.Count} ratings\n", Encoding.Latin1);

        if (r.Context is not null && data.Context is not null) WriteContext(Path.Combine(dir, ContextFileName), data);
        WriteSplits(dir, data, lines, splitSeed);

        if (data.Format == "synthetic")
            new SyntheticMarker("RecCourse SyntheticMovieLens", data.Name, data.Truth?.Options ?? new SyntheticOptions()).Write(dir);
    }

    private static void CheckIds(IdIndex ids, string what)
    {
        long previous = long.MinValue;
        for (int k = 0; k < ids.Count; k++)
        {
            if (!long.TryParse(ids.IdAt(k), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) || v <= previous)
                throw new ArgumentException($"The ml-100k layout needs integer {what} ids in ascending index order; {what} index {k} has id '{ids.IdAt(k)}'.");
            previous = v;
        }
    }

    private static void WriteRatings(string path, string[] lines, IEnumerable<int> rows)
    {
        using var w = new StreamWriter(path, false, Encoding.Latin1, 1 << 16);
        foreach (int k in rows) w.Write(lines[k]);
    }

    /// <summary>Each rating as its u.data line, formatted once and shared by u.data and the split files.</summary>
    private static string[] RatingLines(RecDataset data)
    {
        var r = data.Ratings;
        var lines = new string[r.Count];
        for (int k = 0; k < r.Count; k++)
        {
            float v = r.Values[k];
            string value = v == MathF.Round(v) && Math.Abs(v) < 1e6 ? ((int)v).ToString(CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture);
            lines[k] = string.Concat(data.UserIds.IdAt(r.Users[k]), "\t", data.ItemIds.IdAt(r.Items[k]), "\t", value, "\t",
                r.Timestamps[k].ToString(CultureInfo.InvariantCulture), "\n");
        }
        return lines;
    }

    private static void WriteContext(string path, RecDataset data)
    {
        var r = data.Ratings; var schema = data.Context!;
        var sb = new StringBuilder(r.Count * 24);
        for (int d = 0; d < schema.Dimensions.Length; d++)
            sb.Append("#dimension\t").Append(schema.Dimensions[d]).Append('\t').AppendJoin(',', schema.Conditions[d]).Append('\n');
        var seen = new HashSet<long>();
        for (int k = 0; k < r.Count; k++)
        {
            if (!seen.Add(MovieLens100k.PairKey(r.Users[k], r.Items[k])))
                throw new ArgumentException($"User {data.UserIds.IdAt(r.Users[k])} rated item {data.ItemIds.IdAt(r.Items[k])} twice; u.context needs unique (user, item) pairs.", nameof(data));
            sb.Append(data.UserIds.IdAt(r.Users[k])).Append('\t').Append(data.ItemIds.IdAt(r.Items[k]));
            for (int d = 0; d < schema.Dimensions.Length; d++) sb.Append('\t').Append(schema.Conditions[d][r.Context![d][k]]);
            sb.Append('\n');
        }
        File.WriteAllText(path, sb.ToString(), Encoding.Latin1);
    }

    private static void WriteSplits(string dir, RecDataset data, string[] lines, int seed)
    {
        var r = data.Ratings;
        var fold = Splits.MovieLensFolds(r, seed);
        for (int f = 0; f < 5; f++)
        {
            WriteRatings(Path.Combine(dir, $"u{f + 1}.base"), lines, Enumerable.Range(0, r.Count).Where(k => fold[k] != f));
            WriteRatings(Path.Combine(dir, $"u{f + 1}.test"), lines, Enumerable.Range(0, r.Count).Where(k => fold[k] == f));
        }
        var which = Splits.MovieLensUaUb(r, seed);
        foreach (var (name, tag) in new[] { ("ua", 1), ("ub", 2) })
        {
            WriteRatings(Path.Combine(dir, name + ".base"), lines, Enumerable.Range(0, r.Count).Where(k => which[k] != tag));
            WriteRatings(Path.Combine(dir, name + ".test"), lines, Enumerable.Range(0, r.Count).Where(k => which[k] == tag));
        }
    }
}
