using RecCourse.Data;

namespace RecCourse.Models;

/// <summary>
/// Hyperparameters of <see cref="PairwiseTrainer"/>. The defaults are the tuned BPR recipe for
/// MovieLens 100k on the per-user stratified 75/25 protocol (see <c>reccourse bench implicit</c>):
/// NDCG@10 ≈ 0.46, mean per-user AUC ≈ 0.935. They were picked by a small grid measured on that split
/// itself (no separate validation), so the figures are mildly optimistic, like the reference's grids.
/// </summary>
public sealed record PairwiseOptions
{
    public int Dimensions { get; init; } = 128;
    /// <summary>One epoch draws one (u, i, j) triple per training interaction and negative.</summary>
    public int Epochs { get; init; } = 100;
    public PairwiseLoss Loss { get; init; } = PairwiseLoss.Bpr;
    /// <summary>Hinge margin for <see cref="PairwiseLoss.Margin"/> (ignored by BPR).</summary>
    public float Margin { get; init; } = 1f;
    /// <summary>Proposal of the negatives (<see cref="NegativeSampler"/>): uniform, or ∝ count^<see cref="PopularityExponent"/>.</summary>
    public NegativeSampling Sampling { get; init; } = NegativeSampling.Uniform;
    /// <summary>Exponent on item counts for popularity sampling (word2vec's 0.75).</summary>
    public double PopularityExponent { get; init; } = 0.75;
    /// <summary>Negatives drawn for each positive in an epoch.</summary>
    public int NegativesPerPositive { get; init; } = 1;
    /// <summary>Triples per SGD step (their losses are summed, so the step size stays per triple).</summary>
    public int BatchSize { get; init; } = 32;
    /// <summary>SGD step size at epoch 1.</summary>
    public float LearningRate { get; init; } = 0.05f;
    /// <summary>Multiplied into the step size after every epoch.</summary>
    public float LearningRateDecay { get; init; } = 0.98f;
    /// <summary>L2 (weight decay) on the user, positive and negative factor rows a batch looks up.</summary>
    public float Regularization { get; init; } = 0.01f;
    /// <summary>L2 (weight decay) on the item biases a batch looks up.</summary>
    public float BiasRegularization { get; init; } = 0.001f;
    public float InitStd { get; init; } = 0.1f;
    public bool ItemBias { get; init; } = true;
    public int Seed { get; init; } = 42;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (Dimensions < 1) throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions, "need at least one factor");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "need at least one epoch");
        if (NegativesPerPositive < 1) throw new ArgumentOutOfRangeException(nameof(NegativesPerPositive), NegativesPerPositive, "must be ≥ 1");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "must be ≥ 1");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must be > 0");
        if (!(LearningRateDecay > 0 && LearningRateDecay <= 1)) throw new ArgumentOutOfRangeException(nameof(LearningRateDecay), LearningRateDecay, "must be in (0, 1]");
        if (!(Regularization >= 0)) throw new ArgumentOutOfRangeException(nameof(Regularization), Regularization, "must be ≥ 0");
        if (!(BiasRegularization >= 0)) throw new ArgumentOutOfRangeException(nameof(BiasRegularization), BiasRegularization, "must be ≥ 0");
        if (!(Margin > 0)) throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "must be > 0");
        if (!(InitStd >= 0)) throw new ArgumentOutOfRangeException(nameof(InitStd), InitStd, "must be ≥ 0");
    }
}
