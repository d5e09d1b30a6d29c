namespace RecCourse.Training;

/// <summary>Settings of <see cref="Trainer"/> (and, while it exists, the former engine's trainer).</summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 1024;
    /// <summary>Seeds the per-epoch shuffles (a torch.Generator of its own, so it does not depend on
    /// what else drew random numbers).</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Stop when the validation metric has not improved for this many epochs (null: never).</summary>
    public int? EarlyStoppingPatience { get; init; }
    /// <summary>True when a larger validation metric is better (HR@10); false for errors (RMSE).</summary>
    public bool HigherIsBetter { get; init; }
    /// <summary>Shuffle the examples every epoch (true, as PyTorch's DataLoader with shuffle=True).</summary>
    public bool Shuffle { get; init; } = true;
    /// <summary>At the end, put back the weights of the epoch with the best validation metric
    /// (needs a validation callback; fast.ai's SaveModelCallback).</summary>
    public bool RestoreBestWeights { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (Epochs < 0) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "must be ≥ 0");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "must be ≥ 1");
        if (EarlyStoppingPatience is < 1) throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), EarlyStoppingPatience, "must be ≥ 1 (or null for never)");
    }
}
