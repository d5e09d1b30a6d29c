namespace RecCourse.Fairness;

/// <summary>
/// Group fairness of binary outcomes with Fairlearn's definitions (fairlearn.metrics):
/// <list type="bullet">
/// <item>demographic parity: every group has the same rate of the positive outcome P(ŷ = 1 | g), e.g.
/// "received at least one long-tail item"; reported as the difference max − min and ratio min / max;</item>
/// <item>equalized odds (Hardt, Price &amp; Srebro 2016): every group has the same true positive rate
/// P(ŷ = 1 | y = 1, g) and false positive rate P(ŷ = 1 | y = 0, g); the difference is the larger
/// of the TPR and FPR differences, the ratio the smaller of the two ratios.</item>
/// </list>
/// Samples whose group is null are left out. Ratios are NaN when the largest rate is 0.
/// </summary>
public static class GroupParity
{
    /// <summary>Demographic parity of <paramref name="outcome"/> (one per sample) across <paramref name="groups"/> (one per sample).</summary>
    public static ParityResult DemographicParity(IReadOnlyList<bool> outcome, IReadOnlyList<string?> groups)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(groups);
        if (outcome.Count != groups.Count) throw new ArgumentException($"{outcome.Count} outcomes but {groups.Count} group labels.", nameof(groups));
        var rows = Enumerable.Range(0, outcome.Count).Where(k => groups[k] is not null)
            .GroupBy(k => groups[k]!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SelectionRateRow(g.Key, g.Count(), g.Count(k => outcome[k]) / (double)g.Count())).ToList();
        if (rows.Count == 0) throw new ArgumentException("No sample has a group.", nameof(groups));
        var (difference, ratio) = Spread(rows.Select(r => r.SelectionRate));
        return new ParityResult(rows, difference, ratio);
    }

    /// <summary>Demographic parity across users: <paramref name="outcome"/>[u] for user u, grouped by <paramref name="groupOf"/>.</summary>
    public static ParityResult DemographicParity(IReadOnlyList<bool> outcome, Func<int, string?> groupOf)
        => DemographicParity(outcome, Enumerable.Range(0, outcome.Count).Select(groupOf).ToArray());

    /// <summary>Equalized odds of predictions <paramref name="predicted"/> against labels <paramref name="actual"/>, per sample.</summary>
    public static EqualizedOddsResult EqualizedOdds(IReadOnlyList<bool> actual, IReadOnlyList<bool> predicted, IReadOnlyList<string?> groups)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(groups);
        if (actual.Count != predicted.Count || actual.Count != groups.Count)
            throw new ArgumentException($"Lengths differ: {actual.Count} labels, {predicted.Count} predictions, {groups.Count} groups.");
        var rows = Enumerable.Range(0, actual.Count).Where(k => groups[k] is not null)
            .GroupBy(k => groups[k]!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                int pos = g.Count(k => actual[k]), neg = g.Count() - pos;
                int tp = g.Count(k => actual[k] && predicted[k]), fp = g.Count(k => !actual[k] && predicted[k]);
                return new ErrorRateRow(g.Key, pos, neg, pos > 0 ? tp / (double)pos : double.NaN, neg > 0 ? fp / (double)neg : double.NaN);
            }).ToList();
        if (rows.Count == 0) throw new ArgumentException("No sample has a group.", nameof(groups));
        var (tprDiff, tprRatio) = Spread(rows.Select(r => r.TruePositiveRate).Where(double.IsFinite));
        var (fprDiff, fprRatio) = Spread(rows.Select(r => r.FalsePositiveRate).Where(double.IsFinite));
        return new EqualizedOddsResult(rows, Math.Max(tprDiff, fprDiff), Math.Min(tprRatio, fprRatio));
    }

    private static (double Difference, double Ratio) Spread(IEnumerable<double> rates)
    {
        var r = rates.ToArray();
        if (r.Length == 0) return (double.NaN, double.NaN);
        double max = r.Max(), min = r.Min();
        return (max - min, max > 0 ? min / max : double.NaN);
    }
}
