namespace RecCourse.Fairness;

/// <summary>A group's true and false positive rates (NaN when the group has no positives / negatives).</summary>
public sealed record ErrorRateRow(string Group, int Positives, int Negatives, double TruePositiveRate, double FalsePositiveRate);
