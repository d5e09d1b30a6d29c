namespace RecCourse.Data;

/// <summary>
/// What a notebook's parameters cell calls to get its data: real MovieLens 100k when it is around,
/// the deterministic synthetic set otherwise, and a one-line <see cref="Description"/> saying which.
/// </summary>
public sealed class DataSource
{
    /// <summary>The environment variable naming an ml-100k folder (also used by CI and the tests).</summary>
    public const string EnvironmentVariable = "RECCOURSE_ML100K";

    /// <summary>
    /// The environment variable giving the default preference when a notebook passes none
    /// ("synthetic", "ml-100k", "auto" or a folder), e.g. RECCOURSE_DATA=synthetic to force the
    /// synthetic smoke tier even where MovieLens is installed.
    /// </summary>
    public const string PreferenceVariable = "RECCOURSE_DATA";

    private DataSource(RecDataset dataset, DataSourceKind kind, string description, string? folder)
    {
        Dataset = dataset; Kind = kind; Description = description; Folder = folder;
    }

    public RecDataset Dataset { get; }
    public DataSourceKind Kind { get; }
    /// <summary>e.g. "MovieLens 100k from /home/me/RecCourse/data/ml-100k (100000 ratings, 943 users, 1682 items)".</summary>
    public string Description { get; }
    /// <summary>The folder read, or null for the in-memory synthetic set.</summary>
    public string? Folder { get; }

    /// <summary>True when the data is synthetic (in memory or written by <c>data synth</c>).</summary>
    public bool IsSynthetic => Kind is DataSourceKind.Synthetic or DataSourceKind.SyntheticFolder;

    public override string ToString() => Description;

    /// <summary>
    /// A named ml-100k split ("u1"…"u5", "ua", "ub"): read from the folder's .base/.test files when
    /// the source is a folder in the ml-100k layout, else computed in memory by
    /// <see cref="Splits.MovieLensStyle(RecDataset, string, int)"/> — for the synthetic set the very
    /// rows <c>reccourse data synth</c> writes to those files.
    /// </summary>
    public (RecDataset Train, RecDataset Test) LoadSplit(string split) =>
        Folder is not null && Kind is DataSourceKind.MovieLens100k or DataSourceKind.SyntheticFolder
            ? MovieLens100k.LoadSplit(Folder, split)
            : Splits.MovieLensStyle(Dataset, split);

    /// <summary>
    /// Resolves the data. <paramref name="preference"/> (when null: the RECCOURSE_DATA variable, else
    /// "auto"): "auto" tries, in order, the folder in
    /// RECCOURSE_ML100K, then <c>data/ml-100k</c> in the repository (found by walking up from
    /// <paramref name="startDirectory"/>, default the current directory, to a folder holding
    /// RecCourse.sln or data/), then the in-memory synthetic set. "synthetic" forces the synthetic
    /// set; "ml-100k" requires MovieLens 100k (throwing, with what to run, when absent); any other
    /// value is read as a folder path (any layout <see cref="DataFolder"/> knows).
    /// </summary>
    public static DataSource Load(string? preference = null, SyntheticOptions? synthetic = null, string? startDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(preference)) preference = Environment.GetEnvironmentVariable(PreferenceVariable);
        string pref = string.IsNullOrWhiteSpace(preference) ? "auto" : preference.Trim();
        if (pref.Equals("synthetic", StringComparison.OrdinalIgnoreCase)) return Synthetic(synthetic, "as requested");
        if (pref.Equals("auto", StringComparison.OrdinalIgnoreCase) || pref.Equals("ml-100k", StringComparison.OrdinalIgnoreCase))
        {
            if (FindMovieLens100k(startDirectory) is { } dir) return FromFolder(dir);
            if (pref.Equals("ml-100k", StringComparison.OrdinalIgnoreCase))
                throw new DirectoryNotFoundException(
                    $"MovieLens 100k was not found: set {EnvironmentVariable} to its folder or run '{MovieLens100k.DownloadCommand}' " +
                    "(it unpacks into data/ml-100k). Without it, DataSource.Load() uses the synthetic set.");
            return Synthetic(synthetic, "MovieLens 100k was not found");
        }
        return FromFolder(Path.GetFullPath(pref));
    }

    /// <summary>The folder RECCOURSE_ML100K names, else data/ml-100k above <paramref name="startDirectory"/>; null when neither holds u.data.</summary>
    public static string? FindMovieLens100k(string? startDirectory = null)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env && File.Exists(Path.Combine(env, "u.data")))
            return Path.GetFullPath(env);
        for (var d = new DirectoryInfo(startDirectory ?? Environment.CurrentDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "data", "ml-100k");
            if (File.Exists(Path.Combine(candidate, "u.data"))) return candidate;
            // Stop at the repository root: data/ beside RecCourse.sln is the only cache.
            if (File.Exists(Path.Combine(d.FullName, "RecCourse.sln"))) break;
        }
        return null;
    }

    private static DataSource Synthetic(SyntheticOptions? options, string why)
    {
        var data = SyntheticMovieLens.Generate(options);
        return new DataSource(data, DataSourceKind.Synthetic,
            $"Synthetic MovieLens-shaped data (seed {data.Truth!.Options.Seed}, {Counts(data)}), generated in memory ({why})", null);
    }

    private static DataSource FromFolder(string dir)
    {
        var data = DataFolder.Load(dir);
        var kind = data.Format switch
        {
            "ml-100k" => DataSourceKind.MovieLens100k,
            "ml-latest-small" => DataSourceKind.MovieLensLatestSmall,
            _ => DataSourceKind.SyntheticFolder,
        };
        return new DataSource(data, kind, $"{data.Name} from {dir} ({Counts(data)})", dir);
    }

    private static string Counts(RecDataset d) => $"{d.Ratings.Count} ratings, {d.NumUsers} users, {d.NumItems} items";
}
