using Microsoft.Playwright;
using RecCourse.Notebooks.Export;
using RecCourse.Notebooks.Tests.Running;

namespace RecCourse.Notebooks.Tests.Browser;

[Collection(FeatureNotebookCollection.Name)]
public sealed class FigureRenderingTests(FeatureNotebookFixture fixture)
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"];

    [BrowserFact]
    public async Task Exported_notebook_draws_every_figure_offline_without_script_errors()
    {
        var outDir = Path.Combine(TestPaths.RepoRoot, "artifacts", "browser");
        Directory.CreateDirectory(outDir);
        var htmlPath = Path.Combine(outDir, "Features.html");
        await File.WriteAllTextAsync(htmlPath, HtmlExporter.Export(fixture.Result.Executed, TestPaths.RepoRoot));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath, Headless = true, Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(htmlPath).AbsoluteUri);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.rc-figure .main-svg').length > 0 && " +
            "Array.from(document.querySelectorAll('.rc-figure')).every(d => d.querySelector('.main-svg'))",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        // Per figure: plotly's own count of traces it drew (-1 when no SVG was made).
        var traces = await page.EvaluateAsync<int[]>(
            "() => Array.from(document.querySelectorAll('.rc-figure')).map(d => d.querySelector('.main-svg') ? (d._fullData || []).length : -1)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(outDir, "Features.png"), FullPage = true });

        // Features.ipynb cell 15: scatter by 3 groups, line, bar, histogram, heatmap, 2×2 grid of 4 single-trace panels.
        Assert.Equal([3, 1, 1, 1, 1, 4], traces);
        Assert.Empty(errors);
    }
}
