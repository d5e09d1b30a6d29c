namespace RecCourse.Context;

/// <summary>
/// Settings shared by <see cref="BiasedMf"/> and <see cref="Camf"/>: plain per-rating SGD on squared
/// error with L2 on every parameter the rating touches (the update rules of Funk SVD and CARSKit).
/// </summary>
public sealed record SgdOptions
{
    /// <summary>Latent dimension of p_u and q_i (≥ 1).</summary>
    public int Factors { get; init; } = 10;
    /// <summary>Passes over the shuffled training ratings.</summary>
    public int Epochs { get; init; } = 40;
    public double LearningRate { get; init; } = 0.01;
    /// <summary>L2 strength, applied at each update to the parameters being updated.</summary>
    public double Regularization { get; init; } = 0.02;
    /// <summary>Standard deviation of the Gaussian initial factors (biases start at 0).</summary>
    public double InitStd { get; init; } = 0.1;
    public int Seed { get; init; } = 42;
    /// <summary>When set, predictions are clamped to [MinRating, MaxRating].</summary>
    public double? MinRating { get; init; }
    public double? MaxRating { get; init; }

    internal void Validate()
    {
        if (Factors < 1) throw new ArgumentOutOfRangeException(nameof(Factors), Factors, "Need at least one factor.");
        if (Epochs < 0) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be ≥ 0.");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Learning rate must be > 0.");
        if (!(Regularization >= 0)) throw new ArgumentOutOfRangeException(nameof(Regularization), Regularization, "Regularization must be ≥ 0.");
    }

    internal double Clamp(double x)
    {
        if (MinRating is double lo) x = Math.Max(lo, x);
        if (MaxRating is double hi) x = Math.Min(hi, x);
        return x;
    }
}
