using RecCourse.Plots;

namespace RecCourse.Notebooks.Tests.Browser;

/// <summary>
/// A fact that needs headless Chromium (Debian package <c>chromium</c>, or <c>RECCOURSE_CHROMIUM</c>)
/// and the local plotly.js copy (the browser has no internet); skipped with the reason otherwise.
/// Playwright is only ever pointed at that executable: it never downloads a browser.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (ChromiumPath is null)
            Skip = "chromium not found (apt-get install chromium, or set RECCOURSE_CHROMIUM)";
        else if (PlotlyJs.FindLocalCopy(AppContext.BaseDirectory) is null)
            Skip = "local plotly.js missing (npm install --prefix lib/RecCourse/Plots/vendor --no-save plotly.js-dist-min)";
        else if (!Directory.Exists(Path.Combine(AppContext.BaseDirectory, ".playwright")))
            Skip = "Playwright driver (.playwright) not next to the test assembly";
    }

    public static string? ChromiumPath =>
        new[] { Environment.GetEnvironmentVariable("RECCOURSE_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
}
