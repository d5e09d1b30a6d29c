using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>A trained MF model and its per-epoch history.</summary>
/// <param name="BestEpoch">The epoch whose weights the model holds (the last one without early stopping).</param>
public sealed record MatrixFactorizationResult(MatrixFactorizationModel Model, IReadOnlyList<EpochRecord> History, int BestEpoch);
