namespace RecCourse.Fairness;

/// <summary>A user-group gap measured on one item group (e.g. one genre), with a multiple-testing-adjusted p-value.</summary>
/// <param name="ItemGroup">e.g. "Romance".</param>
/// <param name="Metric">"MeanRating" (data only) or "MeanError" (prediction − rating of a model).</param>
/// <param name="Signed">Value of the first user group minus the second, in ordinal order of the group names (e.g. F − M): keeps the direction the unsigned gap loses.</param>
/// <param name="AdjustedP">Holm–Bonferroni adjusted p-value over all item groups of the sweep.</param>
/// <param name="Significant">AdjustedP below α.</param>
public sealed record ItemGroupGapRow(string ItemGroup, string Metric, string HighGroup, string LowGroup, double Difference, double Signed,
    int Ratings, double PValue, double AdjustedP, bool Significant);
