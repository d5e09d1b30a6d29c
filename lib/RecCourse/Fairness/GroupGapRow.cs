namespace RecCourse.Fairness;

/// <summary>
/// The gap between the highest and the lowest group on one metric, with its significance.
/// </summary>
/// <param name="Metric">e.g. "RMSE".</param>
/// <param name="HighGroup">Group with the largest value.</param>
/// <param name="LowGroup">Group with the smallest value.</param>
/// <param name="High">Largest group value.</param>
/// <param name="Low">Smallest group value.</param>
/// <param name="Difference">High − Low (≥ 0): Fairlearn's "difference" aggregate.</param>
/// <param name="Ratio">Low / High in [0, 1] (1 = parity): Fairlearn's "ratio"; NaN when Low NaN when a value is ≤ 0.lt; 0 or High ≤ 0 (e.g. signed errors).</param>
/// <param name="PValue">Permutation test of the max − min statistic under shuffled group labels (users as units); small = the gap is unlikely by chance.</param>
/// <param name="DiffCiLow">2.5th percentile of High − Low over bootstrap resamples (group identities fixed).</param>
/// <param name="DiffCiHigh">97.5th percentile of the same.</param>
/// <param name="Significant">PValue below the audit's α.</param>
public sealed record GroupGapRow(string Metric, string HighGroup, string LowGroup, double High, double Low, double Difference, double Ratio,
    double PValue, double DiffCiLow, double DiffCiHigh, bool Significant);
