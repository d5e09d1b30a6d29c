using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// Where lesson 06 finds the DePaulMovie data set (Zheng, Mobasher and Burke 2015) as CARSKit ships it:
/// <c>context-aware_data_sets/Movie_DePaulMovie/ratings.txt</c> in the CARSKit repository, 5,043 ratings
/// (1–5 stars) of 79 movies by 97 users with Time {Weekday, Weekend}, Location {Cinema, Home} and
/// Companion {Alone, Family, Partner}, <c>NA</c> where the context was not asked. The kit does not
/// redistribute it: put the file in <c>data/depaul/</c> in the repository or name its folder in the
/// environment variable <see cref="EnvironmentVariable"/>.
/// </summary>
public static class DePaulMovie
{
    /// <summary>The environment variable naming a folder that holds <see cref="FileName"/> (or the file itself).</summary>
    public const string EnvironmentVariable = "RECCOURSE_DEPAUL";

    /// <summary>The file name CARSKit gives the ratings.</summary>
    public const string FileName = "ratings.txt";

    /// <summary>
    /// The ratings file: the one <see cref="EnvironmentVariable"/> names (a folder holding ratings.txt, or
    /// a file), else <c>data/depaul/ratings.txt</c> in a folder above <paramref name="startDirectory"/>
    /// (default the current directory), up to the repository root; null when neither exists.
    /// </summary>
    public static string? Find(string? startDirectory = null) => Find(startDirectory, Environment.GetEnvironmentVariable(EnvironmentVariable));

    internal static string? Find(string? startDirectory, string? environmentValue)
    {
        if (environmentValue is { Length: > 0 } env)
        {
            if (File.Exists(env)) return Path.GetFullPath(env);
            if (File.Exists(Path.Combine(env, FileName))) return Path.GetFullPath(Path.Combine(env, FileName));
        }
        for (var d = new DirectoryInfo(startDirectory ?? Environment.CurrentDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "data", "depaul", FileName);
            if (File.Exists(candidate)) return candidate;
            if (File.Exists(Path.Combine(d.FullName, "RecCourse.sln"))) break;
        }
        return null;
    }

    /// <summary>
    /// Reads DePaulMovie from <paramref name="path"/> (the file or a folder holding it) with
    /// <see cref="DePaulCsvReader"/>: <c>NA</c> becomes <see cref="ContextCondition.Unknown"/> unless
    /// <paramref name="missing"/> is null.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither the file nor a folder holding ratings.txt; the message says how to get it.</exception>
    public static RecDataset Load(string path, string? missing = DePaulCsvReader.DefaultMissing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        if (!File.Exists(file))
            throw new FileNotFoundException(
                $"DePaulMovie was not found at '{file}': download context-aware_data_sets/Movie_DePaulMovie/ratings.txt from the CARSKit " +
                $"repository (github.com/irecsys/CARSKit) into data/depaul/, or set {EnvironmentVariable} to the folder holding it.", file);
        return DePaulCsvReader.Read(file, "DePaulMovie", missing);
    }
}
