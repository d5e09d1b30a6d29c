namespace RecCourse.Fairness.Explanations;

/// <summary>
/// Integrated-gradients attributions of one input. Completeness says
/// Σ <see cref="Attributions"/> = <see cref="Value"/> − <see cref="BaselineValue"/>; <see cref="CompletenessGap"/>
/// is how far the Riemann sum is from that (it shrinks as the step count grows).
/// </summary>
/// <param name="Attributions">One per input feature, in the model's output units.</param>
/// <param name="Value">f(x).</param>
/// <param name="BaselineValue">f(baseline).</param>
/// <param name="CompletenessGap">Σ attributions − (f(x) − f(baseline)).</param>
public sealed record Attribution(double[] Attributions, double Value, double BaselineValue, double CompletenessGap);
