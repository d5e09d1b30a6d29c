using static TorchSharp.torch;

namespace RecCourse.Fairness.Leakage;

/// <summary>Settings of <see cref="AdversarialCensoring"/>. Defaults train in about a second for 1000 × 20 embeddings on CPU.</summary>
public sealed record AdversarialCensoringOptions
{
    /// <summary>Full-batch rounds (each: adversary steps, then one encoder/decoder step).</summary>
    public int Epochs { get; init; } = 400;
    /// <summary>Adam learning rate of the encoder/decoder; the adversary uses 5× this.</summary>
    public float LearningRate { get; init; } = 0.005f;
    /// <summary>β: weight of the confusion term against reconstruction. Larger hides more and keeps less.</summary>
    public float AdversaryWeight { get; init; } = 1f;
    /// <summary>Hidden units of the default adversary (<see cref="CensoringAdversary"/>: Linear → tanh → Linear); 0 makes it a logistic regression.</summary>
    public int AdversaryHidden { get; init; } = 0;
    /// <summary>Adversary updates per encoder update: a stronger adversary gives the encoder a truer signal.</summary>
    public int AdversaryStepsPerEpoch { get; init; } = 5;
    /// <summary>Seeds the adversary's initial weights (the only random part: the encoder and decoder start at the identity and training is full-batch).</summary>
    public int Seed { get; init; } = 0;
    /// <summary>
    /// Builds the adversary for a code of width d instead of <see cref="CensoringAdversary"/> (e.g. one a
    /// student wrote): it must map [n, d] float32 rows to [n] logits. It is created under
    /// <c>torch.manual_seed(Seed)</c> on the CPU and then moved to the device; null uses the default.
    /// </summary>
    public Func<int, nn.Module<Tensor, Tensor>>? Adversary { get; init; }

    internal void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Need at least one epoch.");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must be > 0.");
        if (!(AdversaryWeight >= 0)) throw new ArgumentOutOfRangeException(nameof(AdversaryWeight), AdversaryWeight, "Must be ≥ 0.");
        if (AdversaryHidden < 0) throw new ArgumentOutOfRangeException(nameof(AdversaryHidden), AdversaryHidden, "Must be ≥ 0.");
        if (AdversaryStepsPerEpoch < 1) throw new ArgumentOutOfRangeException(nameof(AdversaryStepsPerEpoch), AdversaryStepsPerEpoch, "Must be ≥ 1.");
    }
}
