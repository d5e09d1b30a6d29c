using System.Globalization;
using System.Text;
using CsvHelper;

namespace RecCourse.Data;

/// <summary>
/// Reader for MovieLens "latest-small" (GroupLens): <c>ratings.csv</c> (userId, movieId, rating
/// 0.5–5 in half stars, timestamp) and <c>movies.csv</c> (movieId, title, genres). Titles may be
/// quoted and contain commas; the year comes from a trailing "(1995)" in the title; genres are
/// '|'-separated and "(no genres listed)" means none. Users have no demographics (Users is null).
/// Dense indices follow ascending numeric ids.
/// </summary>
public static class MovieLensLatestSmall
{
    public const string DownloadCommand = "reccourse data download --dataset ml-latest-small";
    private const string NoGenres = "(no genres listed)";

    /// <exception cref="FileNotFoundException">A file is missing; the message says how to get it.</exception>
    /// <exception cref="DataFormatException">A malformed row, naming file, line and field.</exception>
    public static RecDataset Load(string dir)
    {
        string moviesPath = Require(dir, "movies.csv"), ratingsPath = Require(dir, "ratings.csv");

        var movies = new List<(int Id, string Title, string[] Genres)>();
        ReadCsv(moviesPath, ["movieId", "title", "genres"], (csv, line) =>
        {
            int id = Int(csv, "movieId", moviesPath, line);
            string title = csv.GetString("title");
            string g = csv.GetString("genres");
            string[] genres = g.Trim() is "" or NoGenres ? [] : g.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            movies.Add((id, title, genres));
        });
        movies.Sort((a, b) => a.Id.CompareTo(b.Id));
        var genreNames = movies.SelectMany(m => m.Genres).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var itemIds = new IdIndex();
        var items = new ItemInfo[movies.Count];
        for (int k = 0; k < movies.Count; k++)
        {
            if (itemIds.TryGetIndex(movies[k].Id.ToString(CultureInfo.InvariantCulture), out _))
                throw new DataFormatException(moviesPath, 0, "movieId", $"movie {movies[k].Id} appears twice.");
            itemIds.GetOrAdd(movies[k].Id.ToString(CultureInfo.InvariantCulture));
            items[k] = new ItemInfo(movies[k].Title, MovieLens100k.YearFromTitle(movies[k].Title),
                [.. movies[k].Genres.Select(g => Array.IndexOf(genreNames, g)).Order()]);
        }

        var raw = new List<(int User, int Item, float Value, long Time)>(100_000);
        ReadCsv(ratingsPath, ["userId", "movieId", "rating", "timestamp"], (csv, line) =>
        {
            int user = Int(csv, "userId", ratingsPath, line);
            int movie = Int(csv, "movieId", ratingsPath, line);
            if (!itemIds.TryGetIndex(movie.ToString(CultureInfo.InvariantCulture), out int item))
                throw new DataFormatException(ratingsPath, line, "movieId", $"movie {movie} is not in movies.csv.");
            string? rs = csv.GetString("rating");
            if (!float.TryParse(rs, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
                throw new DataFormatException(ratingsPath, line, "rating", $"'{rs}' is not a number.");
            string? ts = csv.GetString("timestamp");
            if (!long.TryParse(ts, NumberStyles.Integer, CultureInfo.InvariantCulture, out long time))
                throw new DataFormatException(ratingsPath, line, "timestamp", $"'{ts}' is not an integer.");
            raw.Add((user, item, value, time));
        });
        var userIds = new IdIndex();
        foreach (int u in raw.Select(r => r.User).Distinct().Order()) userIds.GetOrAdd(u.ToString(CultureInfo.InvariantCulture));
        var userPos = new Dictionary<int, int>();
        for (int k = 0; k < userIds.Count; k++) userPos[int.Parse(userIds.IdAt(k), CultureInfo.InvariantCulture)] = k;
        var table = new RatingTable([.. raw.Select(r => userPos[r.User])], [.. raw.Select(r => r.Item)],
            [.. raw.Select(r => r.Value)], [.. raw.Select(r => r.Time)]);
        return new RecDataset
        {
            Name = "MovieLens latest-small", Format = "ml-latest-small", Ratings = table,
            UserIds = userIds, ItemIds = itemIds, Items = items, Users = null, GenreNames = genreNames,
        };
    }

    private static string Require(string dir, string name)
    {
        string path = Path.Combine(dir, name);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"'{path}' is missing: '{dir}' is not a MovieLens latest-small folder. Run '{DownloadCommand}' to fetch it, " +
                "or use the synthetic data set (DataSource.Load() falls back to it).", path);
        return path;
    }

    private static int Int(CsvReader csv, string field, string path, int line)
    {
        string? s = csv.GetString(field);
        return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v
            : throw new DataFormatException(path, line, field, $"'{s}' is not an integer.");
    }

    /// <summary>Reads a headed CSV, checking the header names and handing each data row to <paramref name="row"/> with its 1-based line number.</summary>
    private static void ReadCsv(string path, string[] header, Action<CsvReader, int> row)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',', HasHeader = true, SkipEmptyLines = true, TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw, FieldCountMismatch = CsvFieldCountHandling.Throw,
            Encoding = Encoding.UTF8,
        };
        try
        {
            using var csv = CsvReader.FromFile(path, options);
            var found = csv.Headers.ToArray();
            if (found.Length == 0) throw new DataFormatException(path, 1, "header", $"empty file; expected the header {string.Join(",", header)}.");
            foreach (string h in header)
                if (Array.IndexOf(found, h) < 0)
                    throw new DataFormatException(path, 1, h, $"column '{h}' is missing from the header '{string.Join(",", found)}'.");
            while (csv.Read()) row(csv, (int)csv.LineNumber);
        }
        catch (CsvFormatException e)
        {
            string field = e.FieldIndex >= 0 && e.FieldIndex < header.Length ? header[e.FieldIndex] : "row";
            throw new DataFormatException(path, (int)e.LineNumber, field, e.Message, e);
        }
    }
}
