namespace RecCourse.Fairness.Explanations;

/// <summary>The summed attribution of one block of input columns (e.g. the user embedding, or the gender flag).</summary>
/// <param name="Block">Block name.</param>
/// <param name="Columns">Input columns in the block.</param>
/// <param name="Attribution">Sum of the block's integrated-gradients attributions, in output units (stars).</param>
public sealed record BlockAttribution(string Block, int Columns, double Attribution);
