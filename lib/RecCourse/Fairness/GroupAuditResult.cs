using System.Globalization;
using System.Text;

namespace RecCourse.Fairness;

/// <summary>
/// Result of a group audit: per-group metric rows and one gap row per metric. Both lists are plain
/// records, so a notebook displays them as tables; <see cref="ToMarkdown"/> renders both.
/// </summary>
/// <param name="Attribute">What users were grouped by, e.g. "gender".</param>
/// <param name="Scope">What was audited, e.g. "ALS on u1.test, Romance items".</param>
/// <param name="Rows">One row per (metric, group), metrics in audit order, groups in ordinal order.</param>
/// <param name="Gaps">One row per metric with at least two groups of <see cref="GroupAuditOptions.MinGroupUsers"/> users.</param>
public sealed record GroupAuditResult(string Attribute, string Scope, IReadOnlyList<GroupMetricRow> Rows, IReadOnlyList<GroupGapRow> Gaps)
{
    /// <summary>The gap row of <paramref name="metric"/>; throws naming the metrics present when absent.</summary>
    public GroupGapRow Gap(string metric) => Gaps.FirstOrDefault(g => g.Metric == metric)
        ?? throw new KeyNotFoundException($"No gap for metric '{metric}'; have: {string.Join(", ", Gaps.Select(g => g.Metric))}.");

    /// <summary>The value of <paramref name="metric"/> for <paramref name="group"/>.</summary>
    public double Value(string metric, string group) => Rows.FirstOrDefault(r => r.Metric == metric && r.Group == group)?.Value
        ?? throw new KeyNotFoundException($"No row for metric '{metric}', group '{group}'.");

    /// <summary>Two Markdown tables: per-group values with 95 % bootstrap intervals, then the gaps with p-values.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"**Groups by {Attribute}** — {Scope}").AppendLine();
        sb.AppendLine("| metric | group | users | n | value | 95% CI |").AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var r in Rows)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Metric} | {r.Group} | {r.Users} | {r.Weight:0} | {r.Value:0.0000} | [{r.CiLow:0.0000}, {r.CiHigh:0.0000}] |");
        sb.AppendLine().AppendLine("| metric | high | low | difference | ratio | p | 95% CI of difference | significant |").AppendLine("|---|---|---|---:|---:|---:|---|---|");
        foreach (var g in Gaps)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {g.Metric} | {g.HighGroup} ({g.High:0.0000}) | {g.LowGroup} ({g.Low:0.0000}) | {g.Difference:0.0000} | {g.Ratio:0.000} | {g.PValue:0.0000} | [{g.DiffCiLow:0.0000}, {g.DiffCiHigh:0.0000}] | {(g.Significant ? "yes" : "no")} |");
        return sb.ToString();
    }
}
