namespace RecCourse.Context;

/// <summary>
/// Settings shared by <see cref="BiasedMf"/> and <see cref="Camf"/>: plain per-rating SGD on squared
/// error with L2 on every parameter the rating touches (the update rules of Funk SVD and CARSKit).
/// Defaults were chosen on the synthetic data set (held-out RMSE, seed 42): there, CARSKit's plain
/// per-rating L2 lets CAMF_CI's 7 biases per item chase noise and lose to MF; the learning-rate decay
/// and <see cref="ContextShrinkage"/> are what let CAMF win.
/// </summary>
public sealed record SgdOptions
{
    /// <summary>Latent dimension of p_u and q_i (≥ 1).</summary>
    public int Factors { get; init; } = 10;
    /// <summary>Passes over the shuffled training ratings.</summary>
    public int Epochs { get; init; } = 40;
    public double LearningRate { get; init; } = 0.02;
    /// <summary>L2 strength, applied at each update to the parameters being updated.</summary>
    public double Regularization { get; init; } = 0.05;
    /// <summary>
    /// Per-rating L2 strength of CAMF's contextual biases (CARSKit's regC); null means <see cref="Regularization"/>. Per-item or
    /// per-user condition biases (CI, CU) see few ratings each and overfit without a stronger pull to 0.
    /// </summary>
    public double? ContextRegularization { get; init; }
    /// <summary>
    /// Count-aware ridge on CAMF's contextual biases, in pseudo-ratings λ_C (0 = off, as in CARSKit). Per-rating L2
    /// (<see cref="ContextRegularization"/>) shrinks every bias by the same factor however few ratings
    /// it rests on; this instead adds λ_C·B² once per bias to the loss (each of its n training ratings
    /// carries λ_C/n of it), so a bias estimated from n ratings is pulled towards 0 like n/(n + λ_C):
    /// item×condition biases of rarely rated items stay near 0, well-supported ones are kept.
    /// </summary>
    public double ContextShrinkage { get; init; } = 50;
    /// <summary>
    /// The learning rate is multiplied by this after every epoch (1 = constant). A global parameter
    /// such as a CAMF_C condition bias is updated on every rating, so with a constant rate it ends
    /// wherever the last updates pushed it (a random walk of size about √(lr/2)·error); decay settles it.
    /// </summary>
    public double LearningRateDecay { get; init; } = 0.95;
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
        if (ContextRegularization is double c && !(c >= 0)) throw new ArgumentOutOfRangeException(nameof(ContextRegularization), c, "Context regularization must be ≥ 0.");
        if (!(ContextShrinkage >= 0)) throw new ArgumentOutOfRangeException(nameof(ContextShrinkage), ContextShrinkage, "Context shrinkage must be ≥ 0.");
        if (!(LearningRateDecay > 0 && LearningRateDecay <= 1)) throw new ArgumentOutOfRangeException(nameof(LearningRateDecay), LearningRateDecay, "Decay must be in (0, 1].");
    }

    internal double Clamp(double x)
    {
        if (MinRating is double lo) x = Math.Max(lo, x);
        if (MaxRating is double hi) x = Math.Min(hi, x);
        return x;
    }
}
