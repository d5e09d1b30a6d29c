namespace RecCourse.Models;

/// <summary>
/// Hyperparameters of <see cref="MatrixFactorizationTrainer"/>. The defaults are the tuned recipe
/// for MovieLens 100k (chosen on a validation split carved from u1.base, see the bench
/// <c>reccourse bench mf-tuned</c>): many small-initialised factors (d = 512, σ = 0.02) held back by a
/// strong per-rating L2 (λ = 0.06), SGD with a decaying step, SVD++'s implicit term and strongly
/// shrunk per-(user, 5-minute bucket) session biases. On u1 they give RMSE ≈ 0.904.
/// </summary>
public sealed record MatrixFactorizationOptions
{
    /// <summary>Number of latent factors d (columns of U and V).</summary>
    public int Dimensions { get; init; } = 512;
    /// <summary>Passes over the training ratings (the upper bound when early stopping is on).</summary>
    public int Epochs { get; init; } = 50;
    public MfSolver Solver { get; init; } = MfSolver.Sgd;
    /// <summary>Step size at epoch 1.</summary>
    public float LearningRate { get; init; } = 0.01f;
    /// <summary>The step size is multiplied by this after every epoch (1 = constant).</summary>
    public float LearningRateDecay { get; init; } = 0.98f;
    /// <summary>λ of the slides' loss Σ (r − ŷ)² + λ(‖p_u‖² + ‖q_i‖²), applied to the factor rows a
    /// rating touches every time it is seen (so frequent users/items are shrunk more in total).</summary>
    public float Regularization { get; init; } = 0.06f;
    /// <summary>λ for the user and item biases (same per-occurrence convention).</summary>
    public float BiasRegularization { get; init; } = 0.01f;
    /// <summary>Ratings per gradient step: 1 is classic SGD; Adam wants ~256–1024.</summary>
    public int BatchSize { get; init; } = 1;
    /// <summary>Standard deviation of the normal initialisation of U and V.</summary>
    public float InitStd { get; init; } = 0.02f;
    public int Seed { get; init; } = 42;
    /// <summary>fast.ai's y_range: when set, ŷ = low + (high − low)·σ(x) instead of ŷ = x, so
    /// predictions never leave (low, high). MovieLens uses (0, 5.5) so that 5 stars is reachable.</summary>
    public (float Low, float High)? YRange { get; init; }
    /// <summary>SVD++: add the implicit signal of which items each user rated in training,
    /// p_u + |N(u)|^−½ Σ_{j∈N(u)} y_j (SGD solver only). The trained model folds it into its user factors.</summary>
    public bool ImplicitFeedback { get; init; } = true;
    /// <summary>Per-session user biases b_{u,s} (timeSVD++'s day-specific bias, Koren 2009) with
    /// sessions = Unix time bucketed by this many seconds; a user's mood shifts between sittings.
    /// 0 = off. Only <see cref="MatrixFactorizationModel.PredictAt"/> uses them.</summary>
    public long SessionSeconds { get; init; } = 300;
    /// <summary>λ of the session biases (per-rating convention).</summary>
    public float SessionRegularization { get; init; } = 1f;
    /// <summary>Stop when the validation RMSE has not improved for this many epochs and restore the
    /// best weights; 0 disables (needs a validation set to take effect).</summary>
    public int Patience { get; init; } = 0;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (Dimensions < 1) throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions, "need at least one factor");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "need at least one epoch");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must be > 0");
        if (!(LearningRateDecay > 0 && LearningRateDecay <= 1)) throw new ArgumentOutOfRangeException(nameof(LearningRateDecay), LearningRateDecay, "must be in (0, 1]");
        if (!(Regularization >= 0)) throw new ArgumentOutOfRangeException(nameof(Regularization), Regularization, "must be ≥ 0");
        if (!(BiasRegularization >= 0)) throw new ArgumentOutOfRangeException(nameof(BiasRegularization), BiasRegularization, "must be ≥ 0");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "must be ≥ 1");
        if (!(InitStd >= 0)) throw new ArgumentOutOfRangeException(nameof(InitStd), InitStd, "must be ≥ 0");
        if (YRange is { } y && !(y.High > y.Low)) throw new ArgumentOutOfRangeException(nameof(YRange), y, "High must exceed Low");
        if (ImplicitFeedback && Solver != MfSolver.Sgd) throw new ArgumentOutOfRangeException(nameof(ImplicitFeedback), ImplicitFeedback, "SVD++ implicit feedback is implemented for the SGD solver only");
        if (SessionSeconds < 0) throw new ArgumentOutOfRangeException(nameof(SessionSeconds), SessionSeconds, "must be ≥ 0");
        if (SessionSeconds > 0 && Solver != MfSolver.Sgd) throw new ArgumentOutOfRangeException(nameof(SessionSeconds), SessionSeconds, "session biases are implemented for the SGD solver only (set 0 for Adam)");
        if (!(SessionRegularization >= 0)) throw new ArgumentOutOfRangeException(nameof(SessionRegularization), SessionRegularization, "must be ≥ 0");
        if (Patience < 0) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "must be ≥ 0");
    }
}
