using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>A trained candidate generator and its history (loss = mean softmax cross-entropy of the
/// training objective; validation metric = what the caller's validation function returned).</summary>
public sealed record CandidateResult(CandidateModel Model, IReadOnlyList<EpochRecord> History);
