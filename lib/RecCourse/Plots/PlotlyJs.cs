namespace RecCourse.Plots;

/// <summary>
/// Where figures get plotly.js: the CDN by default, or a local copy so pages render offline.
/// Install the local copy (git-ignored) from the repository root with
/// <c>npm install --prefix lib/RecCourse/Plots/vendor --no-save plotly.js-dist-min</c>,
/// or point <c>RECCOURSE_PLOTLY_JS</c> at a <c>plotly.min.js</c>.
/// </summary>
public static class PlotlyJs
{
    /// <summary>plotly.js version the CDN URL pins (the local npm copy may be newer).</summary>
    public const string Version = "3.1.0";

    /// <summary>The CDN URL of the minified plotly.js bundle.</summary>
    public const string CdnUrl = "https://cdn.jsdelivr.net/npm/plotly.js-dist-min@" + Version + "/plotly.min.js";

    private static readonly string[] Candidates =
    [
        Path.Combine("lib", "RecCourse", "Plots", "vendor", "node_modules", "plotly.js-dist-min", "plotly.min.js"),
        Path.Combine("node_modules", "plotly.js-dist-min", "plotly.min.js"),
    ];

    /// <summary>
    /// The path of a local plotly.min.js, or null: RECCOURSE_PLOTLY_JS, else the first match walking
    /// up from <paramref name="startDirectory"/>, the current directory and this assembly's folder.
    /// </summary>
    public static string? FindLocalCopy(string? startDirectory = null)
    {
        if (Environment.GetEnvironmentVariable("RECCOURSE_PLOTLY_JS") is { Length: > 0 } env && File.Exists(env)) return env;
        foreach (var start in new[] { startDirectory, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in Candidates)
                {
                    var path = Path.Combine(dir.FullName, candidate);
                    if (File.Exists(path)) return path;
                }
            }
        }
        return null;
    }

    /// <summary>A &lt;script&gt; element: plotly.js inlined from the local copy if found, else from the CDN.</summary>
    public static string ScriptTag(string? startDirectory = null)
    {
        var local = FindLocalCopy(startDirectory);
        return local is null
            ? $"<script src=\"{CdnUrl}\"></script>"
            // Inline scripts end at "</script": the minified bundle must not contain it unescaped.
            : "<script type=\"text/javascript\">\n" + File.ReadAllText(local).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "\n</script>";
    }
}
