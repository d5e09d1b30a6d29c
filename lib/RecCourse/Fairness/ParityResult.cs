namespace RecCourse.Fairness;

/// <summary>Demographic parity of a binary outcome across groups.</summary>
/// <param name="Difference">max − min selection rate (Fairlearn <c>demographic_parity_difference</c>); 0 = parity.</param>
/// <param name="Ratio">min / max selection rate (Fairlearn <c>demographic_parity_ratio</c>); 1 = parity, the "80 % rule" asks ≥ 0.8.</param>
public sealed record ParityResult(IReadOnlyList<SelectionRateRow> Rows, double Difference, double Ratio);
