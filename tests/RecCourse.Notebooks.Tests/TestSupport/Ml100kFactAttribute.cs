namespace RecCourse.Notebooks.Tests.TestSupport;

/// <summary>
/// A fact that needs MovieLens 100k (as RecCourse.Tests' attribute of the same name): it runs when
/// RECCOURSE_ML100K names a folder holding u.data and is skipped, saying why, otherwise.
/// </summary>
public sealed class Ml100kFactAttribute : FactAttribute
{
    public Ml100kFactAttribute()
    {
        if (Ml100kDir is null) Skip = "MovieLens 100k not available (set RECCOURSE_ML100K to its folder).";
    }

    /// <summary>The ml-100k folder from RECCOURSE_ML100K, or null when unset or incomplete.</summary>
    public static string? Ml100kDir =>
        Environment.GetEnvironmentVariable("RECCOURSE_ML100K") is { Length: > 0 } d && File.Exists(Path.Combine(d, "u.data")) ? d : null;
}
