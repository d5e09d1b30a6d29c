using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>A trained implicit <see cref="FactorModel"/> and its per-epoch history (loss = the trainer's mean loss;
/// validation metric = whatever the caller's validation function returned, NaN without one).</summary>
public sealed record FactorResult(FactorModel Model, IReadOnlyList<EpochRecord> History);
