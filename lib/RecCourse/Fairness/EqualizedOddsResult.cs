namespace RecCourse.Fairness;

/// <summary>Equalized odds across groups.</summary>
/// <param name="Difference">max(TPR max − min, FPR max − min) over groups (Fairlearn <c>equalized_odds_difference</c>); 0 = equal odds.</param>
/// <param name="Ratio">min(TPR min / max, FPR min / max) (Fairlearn <c>equalized_odds_ratio</c>); 1 = equal odds.</param>
public sealed record EqualizedOddsResult(IReadOnlyList<ErrorRateRow> Rows, double Difference, double Ratio);
