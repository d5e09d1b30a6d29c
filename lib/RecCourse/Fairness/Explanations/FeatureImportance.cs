namespace RecCourse.Fairness.Explanations;

/// <summary>
/// Permutation importance of one feature: how much the error grows when that column is shuffled.
/// </summary>
/// <param name="Feature">Column name.</param>
/// <param name="BaselineRmse">RMSE with no column shuffled.</param>
/// <param name="RmseIncrease">Mean over repeats of (RMSE shuffled − baseline); ≈ 0 for an unused feature.</param>
/// <param name="Std">Sample standard deviation of the increase over repeats (0 with one repeat).</param>
public sealed record FeatureImportance(string Feature, double BaselineRmse, double RmseIncrease, double Std);
