using RecCourse.Context;

namespace RecCourse.Notebooks.Tests.TestSupport;

/// <summary>
/// A fact that needs DePaulMovie as CARSKit ships it: it runs when RECCOURSE_DEPAUL names its
/// ratings.txt (or the folder holding it) and is skipped, saying why, otherwise. The kit never contains
/// the file.
/// </summary>
public sealed class DePaulFactAttribute : FactAttribute
{
    public DePaulFactAttribute()
    {
        if (RatingsFile is null) Skip = $"DePaulMovie not available (set {DePaulMovie.EnvironmentVariable} to the folder holding CARSKit's Movie_DePaulMovie/ratings.txt).";
    }

    /// <summary>The ratings file RECCOURSE_DEPAUL names (directly or as its folder), or null.</summary>
    public static string? RatingsFile =>
        Environment.GetEnvironmentVariable(DePaulMovie.EnvironmentVariable) is { Length: > 0 } d
            ? File.Exists(d) ? d : File.Exists(Path.Combine(d, DePaulMovie.FileName)) ? Path.Combine(d, DePaulMovie.FileName) : null
            : null;
}
