using System.Reflection;
using RecCourse.Display;
using RecCourse.Fairness;
using RecCourse.Fairness.Leakage;
using RecCourse.Fairness.Simulation;

namespace RecCourse.Tests.Fairness;

public class AuditReportTests
{
    private static AuditReport Sample()
    {
        var opts = new GroupAuditOptions { Permutations = 200, Bootstraps = 100, MinGroupUsers = 1 };
        int n = 60;
        var values = Enumerable.Range(0, n).Select(u => u % 2 == 0 ? 1.0 + 0.01 * u : 0.2 + 0.01 * u).ToArray();
        var (rows, gap) = GroupAudit.Compare("NDCG@10", values, Enumerable.Repeat(1.0, n).ToArray(), u => u % 2 == 0 ? "<25" : "45+", opts);
        var audit = new GroupAuditResult("age band", "toy model", rows, [gap!]);
        var report = new AuditReport("Toy audit") { Scope = "A toy recommender", Data = "synthetic", Groups = "age bands" };
        report.AddGroupAudit(audit)
            .AddLeakage("toy factors", "gender", new ProbeResult(0.8, 0.01, [0.8], 100, 40), new ProbeResult(0.51, 0.02, [0.51], 100, 40), "projection")
            .AddPopularity([new PopularityTradeoffRow("XQuad", 0, 0.3, 0.2, 0.1, 150, 0.1, 0.9, 0.3), new PopularityTradeoffRow("XQuad", 0.5, 0.28, 0.19, 0.09, 120, 0.25, 0.85, 0.4)])
            .AddFeedbackLoop([new FeedbackLoopRow("model", 1, 0.1, 50, 0.9, 4.2, 4.2), new FeedbackLoopRow("random", 1, 0.01, 400, 0.4, 3.9, 3.9), new FeedbackLoopRow("oracle", 1, 0.03, 200, 0.7, 4.6, 4.6)])
            .AddFinding("Hand-written note.");
        return report;
    }

    [Fact]
    public void Findings_CollectSignificantGapsLeakageAndMitigations()
    {
        var report = Sample();
        Assert.Contains(report.Findings, f => f.Contains("NDCG@10 differs by age band") && f.Contains("<25"));
        Assert.Contains(report.Findings, f => f.Contains("AUC 0.800") && f.Contains("after projection: 0.510"));
        Assert.Contains(report.Findings, f => f.Contains("APLT 0.100 → 0.250"));
        Assert.Contains(report.Findings, f => f.Contains("Jaccard similarity 0.100"));
        Assert.Contains("Hand-written note.", report.Findings);
    }

    [Fact]
    public void ToMarkdown_HasHeaderFindingsAndTables()
    {
        var md = Sample().ToMarkdown();
        Assert.StartsWith("# Toy audit", md);
        Assert.Contains("**Scope:** A toy recommender", md);
        Assert.Contains("## Findings", md);
        Assert.Contains("## Sensitive-attribute leakage", md);
        Assert.Contains("| Embedding | Attribute | Mitigation | AucBefore | AucAfter |", md);
        Assert.Contains("| toy factors | gender | projection | 0.8000 | 0.5100 |", md);
        Assert.Contains("| XQuad | 0.5000 |", md);
    }

    [Fact]
    public void ToHtml_EncodesTextAndRendersTables()
    {
        var html = Sample().ToHtml();
        Assert.Contains("<h1>Toy audit</h1>", html);
        Assert.Contains("&lt;25", html);
        Assert.DoesNotContain("<25", html);
        Assert.Contains("<th>AucBefore</th>", html);
        Assert.Equal(html.Split("<table>").Length - 1, html.Split("</table>").Length - 1);
    }

    [Fact]
    public void AsNotebookValue_DisplaysItsHtmlThroughTheFormatterConvention()
    {
        var report = Sample();
        var attribute = typeof(AuditReport).GetCustomAttribute<TypeFormatterSourceAttribute>();
        Assert.NotNull(attribute);
        var source = Assert.IsType<HtmlFormatterSource>(Activator.CreateInstance(attribute.FormatterSourceType));
        var formatter = Assert.IsType<HtmlFormatter>(Assert.Single(source.CreateTypeFormatters()));
        var writer = new StringWriter();
        Assert.True(formatter.Format(report, writer));
        Assert.Equal(report.ToHtml(), writer.ToString());
    }

    [Fact]
    public void EmptyReport_SaysNoFindings()
    {
        Assert.Contains("No findings recorded.", new AuditReport("Empty").ToMarkdown());
    }
}
