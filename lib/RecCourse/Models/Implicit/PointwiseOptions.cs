using RecCourse.Data;

namespace RecCourse.Models;

/// <summary>Hyperparameters of <see cref="PointwiseTrainer"/> (the lab's dual-embedding model: σ(p_u·q_i) with binary cross-entropy).</summary>
public sealed record PointwiseOptions
{
    public int Dimensions { get; init; } = 32;
    public int Epochs { get; init; } = 20;
    /// <summary>Negatives (label 0) drawn per positive (label 1) each epoch; 0 trains on positives only,
    /// which cannot separate anything (see <see cref="FoldingDemo"/>).</summary>
    public int NegativesPerPositive { get; init; } = 4;
    public NegativeSampling Sampling { get; init; } = NegativeSampling.Uniform;
    /// <summary>Examples (positives with their negatives) per SGD step; losses are summed, so the step size stays per example.</summary>
    public int BatchSize { get; init; } = 32;
    /// <summary>SGD step size per example.</summary>
    public float LearningRate { get; init; } = 0.05f;
    public float Regularization { get; init; } = 1e-4f;
    public float InitStd { get; init; } = 0.1f;
    /// <summary>Learn an item bias b_i as well (score = b_i + p_u·q_i).</summary>
    public bool ItemBias { get; init; }
    public int Seed { get; init; } = 42;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (Dimensions < 1) throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions, "must be ≥ 1");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "must be ≥ 1");
        if (NegativesPerPositive < 0) throw new ArgumentOutOfRangeException(nameof(NegativesPerPositive), NegativesPerPositive, "must be ≥ 0");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "must be ≥ 1");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must be > 0");
        if (!(Regularization >= 0)) throw new ArgumentOutOfRangeException(nameof(Regularization), Regularization, "must be ≥ 0");
        if (!(InitStd >= 0)) throw new ArgumentOutOfRangeException(nameof(InitStd), InitStd, "must be ≥ 0");
    }
}
