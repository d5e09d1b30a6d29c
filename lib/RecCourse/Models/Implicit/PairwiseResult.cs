namespace RecCourse.Models;

/// <summary>A trained pairwise (BPR / margin) model and its per-epoch history (loss = mean pairwise loss;
/// validation metric = whatever the caller's validation function returned, NaN without one).</summary>
public sealed record PairwiseResult(FactorModel Model, IReadOnlyList<EpochRecord> History);
