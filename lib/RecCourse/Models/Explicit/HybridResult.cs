using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>A trained hybrid model, the wide path's history (empty without one) and the deep path's
/// history (validation metric = RMSE).</summary>
public sealed record HybridResult(HybridModel Model, IReadOnlyList<EpochRecord> WideHistory, IReadOnlyList<EpochRecord> DeepHistory);
