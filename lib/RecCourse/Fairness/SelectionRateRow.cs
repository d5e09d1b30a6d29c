namespace RecCourse.Fairness;

/// <summary>A group's rate of the positive outcome (Fairlearn's <c>selection_rate</c>).</summary>
public sealed record SelectionRateRow(string Group, int Count, double SelectionRate);
