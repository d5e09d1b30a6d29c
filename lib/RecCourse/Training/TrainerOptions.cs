namespace RecCourse.Training;

/// <summary>Settings of <see cref="Trainer"/>.</summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 1024;
    /// <summary>Seeds the per-epoch shuffles.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Stop when the validation metric has not improved for this many epochs (null: never).</summary>
    public int? EarlyStoppingPatience { get; init; }
    /// <summary>True when a larger validation metric is better (HR@10); false for errors (RMSE).</summary>
    public bool HigherIsBetter { get; init; }
    /// <summary>Shuffle the examples every epoch (true, as PyTorch's DataLoader with shuffle=True).</summary>
    public bool Shuffle { get; init; } = true;
}
