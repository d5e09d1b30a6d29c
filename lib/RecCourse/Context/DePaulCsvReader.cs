using System.Globalization;
using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// Reads DePaulMovie-style context-aware rating files, e.g. CARSKit's <c>Movie_DePaulMovie/ratings.txt</c>:
/// a header <c>user,item,rating,&lt;dimension 1&gt;,…,&lt;dimension k&gt;</c> (DePaulMovie's is
/// <c>userid,itemid,rating,Time,Location,Companion</c>), then one rating per line with one condition per
/// dimension (e.g. <c>1001,tt0120912,4,Weekend,Home,Partner</c>). A condition equal to the missing marker
/// (default <c>NA</c>, which DePaulMovie has in all three columns of about 29 % of its rows) is read as
/// <see cref="ContextCondition.Unknown"/> and is not a condition of the schema; pass <c>missing: null</c>
/// to keep it as an ordinary condition, as CARSKit does. Conditions are collected per column in order of
/// first appearance. Fields are comma-separated and trimmed; quoting is not supported (DePaulMovie has
/// none). Repeated (user, item, context) rows are all kept.
/// </summary>
public static class DePaulCsvReader
{
    /// <summary>DePaulMovie's marker of a condition that was not recorded.</summary>
    public const string DefaultMissing = "NA";

    /// <summary>Reads <paramref name="path"/> into a dataset with <see cref="RecDataset.Context"/> and <see cref="RatingTable.Context"/> set.</summary>
    /// <param name="missing">The field value meaning "not recorded" (read as <see cref="ContextCondition.Unknown"/>); null: none.</param>
    /// <exception cref="FormatException">A malformed line; the message names file:line and the field.</exception>
    public static RecDataset Read(string path, string? name = null, string? missing = DefaultMissing)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path, name ?? Path.GetFileNameWithoutExtension(path), missing);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="source"/> names it in error messages.</summary>
    /// <param name="missing">The field value meaning "not recorded" (read as <see cref="ContextCondition.Unknown"/>); null: none.</param>
    public static RecDataset Read(TextReader reader, string source, string name, string? missing = DefaultMissing)
    {
        int lineNo = 0;
        string? header;
        do { header = reader.ReadLine(); lineNo++; } while (header is not null && header.Trim().Length == 0);
        if (header is null) throw new FormatException($"{source}: empty file, expected a header 'user,item,rating,<context dimensions…>'.");
        var columns = header.Split(',').Select(c => c.Trim()).ToArray();
        if (columns.Length < 3) throw new FormatException($"{source}:{lineNo}: header has {columns.Length} columns; expected user, item, rating and context dimensions.");
        var dimensions = columns[3..];
        for (int d = 0; d < dimensions.Length; d++)
            if (dimensions[d].Length == 0) throw new FormatException($"{source}:{lineNo}: context dimension in column {d + 4} has no name.");

        var users = new IdIndex(); var items = new IdIndex();
        var conditions = dimensions.Select(_ => new IdIndex()).ToArray();
        var u = new List<int>(); var i = new List<int>(); var v = new List<float>();
        var ctx = dimensions.Select(_ => new List<int>()).ToArray();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Trim().Length == 0) continue;
            var f = line.Split(',');
            if (f.Length != columns.Length)
                throw new FormatException($"{source}:{lineNo}: {f.Length} fields, expected {columns.Length} ({string.Join(",", columns)}).");
            for (int k = 0; k < f.Length; k++)
            {
                f[k] = f[k].Trim();
                if (f[k].Length == 0) throw new FormatException($"{source}:{lineNo}: field '{columns[k]}' is empty.");
            }
            if (!float.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out float rating) || !float.IsFinite(rating))
                throw new FormatException($"{source}:{lineNo}: field '{columns[2]}' is '{f[2]}', not a number.");
            u.Add(users.GetOrAdd(f[0])); i.Add(items.GetOrAdd(f[1])); v.Add(rating);
            for (int d = 0; d < dimensions.Length; d++)
                ctx[d].Add(missing is not null && f[3 + d] == missing ? ContextCondition.Unknown : conditions[d].GetOrAdd(f[3 + d]));
        }
        if (u.Count == 0) throw new FormatException($"{source}: no ratings after the header.");
        var table = new RatingTable(u.ToArray(), i.ToArray(), v.ToArray(), new long[u.Count], ctx.Select(c => c.ToArray()).ToArray());
        return new RecDataset
        {
            Name = name, Format = "depaul", Ratings = table, UserIds = users, ItemIds = items,
            Items = items.Ids.Select(id => new ItemInfo(id, null, [])).ToArray(),
            Context = new ContextSchema(dimensions, conditions.Select(c => c.Ids.ToArray()).ToArray()),
        };
    }
}
