namespace RecCourse.Data;

/// <summary>Recognises and loads a data folder of any supported layout.</summary>
public static class DataFolder
{
    /// <summary>
    /// "synthetic" (ml-100k layout with the <see cref="SyntheticMarker"/> file), "ml-100k" (u.data and
    /// u.item), "ml-latest-small" (ratings.csv and movies.csv), or null when none matches.
    /// </summary>
    public static string? DetectFormat(string dir)
    {
        if (!Directory.Exists(dir)) return null;
        bool ml100k = File.Exists(Path.Combine(dir, "u.data")) && File.Exists(Path.Combine(dir, "u.item"));
        if (ml100k) return File.Exists(Path.Combine(dir, SyntheticMarker.FileName)) ? "synthetic" : "ml-100k";
        if (File.Exists(Path.Combine(dir, "ratings.csv")) && File.Exists(Path.Combine(dir, "movies.csv"))) return "ml-latest-small";
        return null;
    }

    /// <summary>Loads <paramref name="dir"/> with the reader its layout calls for.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The folder holds no supported layout; the message lists the expected files.</exception>
    public static RecDataset Load(string dir)
    {
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"Data folder '{dir}' does not exist. Run '{MovieLens100k.DownloadCommand}', or 'reccourse data synth --out {dir}' for the synthetic set.");
        return DetectFormat(dir) switch
        {
            "ml-100k" or "synthetic" => MovieLens100k.Load(dir),
            "ml-latest-small" => MovieLensLatestSmall.Load(dir),
            _ => throw new FileNotFoundException(
                $"'{dir}' holds no known data layout: expected u.data + u.item (ml-100k, or synthetic with {SyntheticMarker.FileName}) " +
                $"or ratings.csv + movies.csv (ml-latest-small). Run '{MovieLens100k.DownloadCommand}' or 'reccourse data synth --out DIR'."),
        };
    }
}
