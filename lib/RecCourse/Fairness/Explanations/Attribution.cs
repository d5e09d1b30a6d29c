namespace RecCourse.Fairness.Explanations;

/// <summary>
/// Attributions of one prediction relative to a baseline, from <see cref="IntegratedGradients"/> (one per
/// input feature) or <see cref="ShapleyValues"/> (one per player: a feature or a block of columns).
/// Completeness (efficiency) says Σ <see cref="Attributions"/> = <see cref="Value"/> − <see cref="BaselineValue"/>;
/// <see cref="CompletenessGap"/> is how far the result is from that: the Riemann-sum error for
/// integrated gradients (it shrinks as the step count grows), rounding only for Shapley values.
/// </summary>
/// <param name="Attributions">One per feature or player, in the model's output units.</param>
/// <param name="Value">f(x).</param>
/// <param name="BaselineValue">f(baseline).</param>
/// <param name="CompletenessGap">Σ attributions − (f(x) − f(baseline)).</param>
public sealed record Attribution(double[] Attributions, double Value, double BaselineValue, double CompletenessGap);
