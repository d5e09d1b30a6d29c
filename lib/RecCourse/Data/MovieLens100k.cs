using System.Globalization;
using System.Text;

namespace RecCourse.Data;

/// <summary>
/// Reader for the MovieLens 100k folder layout (GroupLens, 1998): <c>u.data</c> (user, item, rating,
/// timestamp; tab-separated), <c>u.item</c> (Latin-1, '|'-separated: id, title, release date, video
/// date, IMDb URL, 19 genre flags), <c>u.user</c> (id, age, gender, occupation, zip) and the
/// ready-made splits u1…u5, ua, ub (<c>.base</c>/<c>.test</c>). The synthetic set written by
/// <see cref="MovieLensWriter"/> uses the same layout plus an optional <c>u.context</c>.
/// </summary>
/// <remarks>
/// Dense indices follow the numeric raw ids in ascending order, so for ml-100k user index u is raw
/// id u + 1 and item index i is raw id i + 1. Blank lines and trailing newlines are skipped.
/// </remarks>
public static class MovieLens100k
{
    /// <summary>The 19 genre names in u.item column order (index 0 is "unknown").</summary>
    public static IReadOnlyList<string> GenreNames { get; } =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    /// <summary>The 21 occupations of u.occupation.</summary>
    public static IReadOnlyList<string> Occupations { get; } =
    [
        "administrator", "artist", "doctor", "educator", "engineer", "entertainment", "executive", "healthcare",
        "homemaker", "lawyer", "librarian", "marketing", "none", "other", "programmer", "retired", "salesman",
        "scientist", "student", "technician", "writer",
    ];

    /// <summary>The split names that come with ml-100k (and that <see cref="MovieLensWriter"/> writes).</summary>
    public static IReadOnlyList<string> SplitNames { get; } = ["u1", "u2", "u3", "u4", "u5", "ua", "ub"];

    /// <summary>The command that fetches the real data, quoted in "file not found" errors.</summary>
    public const string DownloadCommand = "reccourse data download --dataset ml-100k";

    private static readonly string[] DataFields = ["user id", "item id", "rating", "timestamp"];
    private static readonly string[] UserFields = ["user id", "age", "gender", "occupation", "zip code"];

    /// <summary>Loads u.data with users, items, genres and (when present) contexts.</summary>
    /// <exception cref="FileNotFoundException">A required file is missing; the message says how to get the data.</exception>
    /// <exception cref="DataFormatException">A malformed line, naming file, line and field.</exception>
    public static RecDataset Load(string dir)
    {
        var meta = LoadMeta(dir);
        var ratings = ReadRatings(Path.Combine(dir, "u.data"), meta);
        return meta.ToDataset(ratings, meta.Name);
    }

    /// <summary>
    /// Loads a ready-made split (<c>u1</c>…<c>u5</c>, <c>ua</c>, <c>ub</c>): the <c>.base</c> file as
    /// train and <c>.test</c> as test. Both share the id index of <see cref="Load"/>, so indices line
    /// up with u.item/u.user and with the full data set.
    /// </summary>
    public static (RecDataset Train, RecDataset Test) LoadSplit(string dir, string split)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(split);
        var meta = LoadMeta(dir);
        var train = ReadRatings(Path.Combine(dir, split + ".base"), meta);
        var test = ReadRatings(Path.Combine(dir, split + ".test"), meta);
        return (meta.ToDataset(train, $"{meta.Name} {split}.base"), meta.ToDataset(test, $"{meta.Name} {split}.test"));
    }

    internal sealed class Meta
    {
        public required string Name { get; init; }
        public required string Format { get; init; }
        public required IdIndex UserIds { get; init; }
        public required IdIndex ItemIds { get; init; }
        public required ItemInfo[] Items { get; init; }
        public required UserInfo[] Users { get; init; }
        public ContextSchema? Context { get; init; }
        /// <summary>(user index, item index) → condition per dimension, from u.context.</summary>
        public Dictionary<long, int[]>? ContextByPair { get; init; }
        public string? ContextFile { get; init; }

        public RecDataset ToDataset(RatingTable ratings, string name) => new()
        {
            Name = name, Format = Format, Ratings = ratings, UserIds = UserIds, ItemIds = ItemIds,
            Items = Items, Users = Users, GenreNames = [.. GenreNames], Context = Context,
        };
    }

    internal static string RequireFile(string dir, string name)
    {
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException(
                $"MovieLens 100k folder '{dir}' does not exist. Run '{DownloadCommand}' to fetch it into data/ml-100k, " +
                "or use the synthetic data set (DataSource.Load() falls back to it; 'reccourse data synth --out DIR' writes it).");
        string path = Path.Combine(dir, name);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"'{path}' is missing: '{dir}' is not a complete MovieLens 100k folder. Run '{DownloadCommand}' to fetch it, " +
                "or use the synthetic data set (DataSource.Load() falls back to it; 'reccourse data synth --out DIR' writes it).", path);
        return path;
    }

    internal static Meta LoadMeta(string dir)
    {
        string itemPath = RequireFile(dir, "u.item");
        string userPath = RequireFile(dir, "u.user");
        RequireFile(dir, "u.data");

        var items = ReadItems(itemPath);
        var users = ReadUsers(userPath);
        var itemIds = new IdIndex();
        foreach (var (id, _) in items) itemIds.GetOrAdd(id.ToString(CultureInfo.InvariantCulture));
        var userIds = new IdIndex();
        foreach (var (id, _) in users) userIds.GetOrAdd(id.ToString(CultureInfo.InvariantCulture));

        var marker = SyntheticMarker.TryRead(dir);
        ContextSchema? schema = null; Dictionary<long, int[]>? ctx = null; string? ctxPath = null;
        if (File.Exists(Path.Combine(dir, MovieLensWriter.ContextFileName)))
        {
            ctxPath = Path.Combine(dir, MovieLensWriter.ContextFileName);
            (schema, ctx) = ReadContext(ctxPath, userIds, itemIds);
        }
        return new Meta
        {
            Name = marker?.Name ?? "MovieLens 100k",
            Format = marker is null ? "ml-100k" : "synthetic",
            UserIds = userIds, ItemIds = itemIds,
            Items = [.. items.Select(x => x.Info)], Users = [.. users.Select(x => x.Info)],
            Context = schema, ContextByPair = ctx, ContextFile = ctxPath,
        };
    }

    private static IEnumerable<(int LineNumber, string Line)> NonBlankLines(string path)
    {
        int n = 0;
        foreach (string line in File.ReadLines(path, Encoding.Latin1))
        {
            n++;
            if (!string.IsNullOrWhiteSpace(line)) yield return (n, line);
        }
    }

    private static List<(int Id, ItemInfo Info)> ReadItems(string path)
    {
        const int genreCount = 19;
        var list = new List<(int, ItemInfo)>(1700);
        var seen = new HashSet<int>();
        foreach (var (n, line) in NonBlankLines(path))
        {
            var p = new FieldParser(path, n);
            string[] f = line.Split('|');
            if (f.Length != 5 + genreCount)
                throw p.Error(f.Length < 5 ? "title" : "genre flags",
                    $"expected 24 '|'-separated fields (id, title, release date, video release date, IMDb URL, 19 genre flags), found {f.Length}.");
            int id = p.Int(f[0], "movie id");
            if (!seen.Add(id)) throw p.Error("movie id", $"item {id} appears twice.");
            var genres = new List<int>(3);
            for (int g = 0; g < genreCount; g++)
            {
                string flag = f[5 + g].Trim();
                if (flag == "1") genres.Add(g);
                else if (flag != "0") throw p.Error(GenreNames[g], $"genre flag '{flag}' is not 0 or 1.");
            }
            list.Add((id, new ItemInfo(f[1], ParseYear(f[2], f[1], p), [.. genres])));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    /// <summary>Year of a "01-Jan-1995" release date, else of a trailing "(1995)" in the title, else null.</summary>
    internal static int? ParseYear(string releaseDate, string title, FieldParser p)
    {
        releaseDate = releaseDate.Trim();
        if (releaseDate.Length > 0)
        {
            if (DateTime.TryParseExact(releaseDate, ["dd-MMM-yyyy", "d-MMM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d.Year;
            throw p.Error("release date", $"'{releaseDate}' is not a date like 01-Jan-1995.");
        }
        return YearFromTitle(title);
    }

    /// <summary>The year in a trailing "(1995)" of a title (as in MovieLens titles), or null.</summary>
    public static int? YearFromTitle(string title)
    {
        var t = title.AsSpan().TrimEnd();
        if (t.Length >= 6 && t[^1] == ')' && t[^6] == '(' &&
            int.TryParse(t[^5..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int y)) return y;
        return null;
    }

    private static List<(int Id, UserInfo Info)> ReadUsers(string path)
    {
        var list = new List<(int, UserInfo)>(1000);
        var seen = new HashSet<int>();
        Span<Range> r = stackalloc Range[UserFields.Length];
        foreach (var (n, line) in NonBlankLines(path))
        {
            var p = new FieldParser(path, n);
            var s = line.AsSpan();
            p.Split(s, '|', r, UserFields);
            int id = p.Int(s[r[0]], "user id");
            if (!seen.Add(id)) throw p.Error("user id", $"user {id} appears twice.");
            int age = p.Int(s[r[1]], "age");
            string gender = s[r[2]].Trim().ToString();
            if (gender is not ("M" or "F")) throw p.Error("gender", $"'{gender}' is not M or F.");
            list.Add((id, new UserInfo(age, gender, s[r[3]].Trim().ToString(), s[r[4]].Trim().ToString())));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    internal static long PairKey(int user, int item) => ((long)user << 32) | (uint)item;

    private static RatingTable ReadRatings(string path, Meta meta)
    {
        if (!File.Exists(path)) RequireFile(Path.GetDirectoryName(path) ?? ".", Path.GetFileName(path));
        string text = File.ReadAllText(path, Encoding.Latin1);
        int capacity = text.Length / 18 + 16;
        var users = new List<int>(capacity); var items = new List<int>(capacity);
        var values = new List<float>(capacity); var times = new List<long>(capacity);
        Span<Range> r = stackalloc Range[4];
        int n = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            n++;
            if (line.IsWhiteSpace()) continue;
            var p = new FieldParser(path, n);
            p.Split(line, '\t', r, DataFields);
            var us = line[r[0]].Trim(); var its = line[r[1]].Trim();
            if (!meta.UserIds.TryGetIndex(us, out int u))
                throw p.Error("user id", $"user '{us.ToString()}' is not in u.user.");
            if (!meta.ItemIds.TryGetIndex(its, out int i))
                throw p.Error("item id", $"item '{its.ToString()}' is not in u.item.");
            float v = p.Float(line[r[2]], "rating");
            users.Add(u); items.Add(i); values.Add(v); times.Add(p.Long(line[r[3]], "timestamp"));
        }
        int[][]? context = null;
        if (meta.ContextByPair is { } byPair)
        {
            context = new int[meta.Context!.Dimensions.Length][];
            for (int d = 0; d < context.Length; d++) context[d] = new int[users.Count];
            for (int k = 0; k < users.Count; k++)
            {
                if (!byPair.TryGetValue(PairKey(users[k], items[k]), out var c))
                    throw new DataFormatException(meta.ContextFile!, 0, "user id, item id",
                        $"no context for user {meta.UserIds.IdAt(users[k])}, item {meta.ItemIds.IdAt(items[k])} (rated in {Path.GetFileName(path)}).");
                for (int d = 0; d < c.Length; d++) context[d][k] = c[d];
            }
        }
        return new RatingTable([.. users], [.. items], [.. values], [.. times], context);
    }

    private static (ContextSchema, Dictionary<long, int[]>) ReadContext(string path, IdIndex userIds, IdIndex itemIds)
    {
        var dims = new List<string>(); var conds = new List<string[]>();
        var map = new Dictionary<long, int[]>(100_000);
        foreach (var (n, line) in NonBlankLines(path))
        {
            var p = new FieldParser(path, n);
            string[] f = line.Split('\t');
            if (line.StartsWith('#'))
            {
                // "#dimension<TAB>Time<TAB>Weekday,Weekend"
                if (f.Length != 3 || f[0] != "#dimension") throw p.Error("header", "expected '#dimension<TAB>name<TAB>cond1,cond2,...'.");
                dims.Add(f[1]); conds.Add(f[2].Split(','));
                continue;
            }
            if (f.Length != 2 + dims.Count)
                throw p.Error("context", $"expected user id, item id and {dims.Count} condition(s), found {f.Length} fields.");
            if (!userIds.TryGetIndex(f[0], out int u)) throw p.Error("user id", $"user '{f[0]}' is not in u.user.");
            if (!itemIds.TryGetIndex(f[1], out int i)) throw p.Error("item id", $"item '{f[1]}' is not in u.item.");
            var c = new int[dims.Count];
            for (int d = 0; d < c.Length; d++)
            {
                c[d] = Array.IndexOf(conds[d], f[2 + d]);
                if (c[d] < 0) throw p.Error(dims[d], $"'{f[2 + d]}' is not one of {string.Join(", ", conds[d])}.");
            }
            map[PairKey(u, i)] = c;
        }
        return (new ContextSchema([.. dims], [.. conds]), map);
    }
}
