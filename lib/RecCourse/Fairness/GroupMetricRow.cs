namespace RecCourse.Fairness;

/// <summary>One metric for one user group.</summary>
/// <param name="Metric">e.g. "RMSE", "NDCG@10".</param>
/// <param name="Group">The group's value, e.g. "F" or "25–34".</param>
/// <param name="Users">Users of the group that the metric covers.</param>
/// <param name="Weight">Units averaged: ratings for rating metrics, users for ranking metrics.</param>
/// <param name="Value">The metric over the group.</param>
/// <param name="CiLow">2.5th percentile of the bootstrap distribution (users resampled within the group).</param>
/// <param name="CiHigh">97.5th percentile of the bootstrap distribution.</param>
public sealed record GroupMetricRow(string Metric, string Group, int Users, double Weight, double Value, double CiLow, double CiHigh);
