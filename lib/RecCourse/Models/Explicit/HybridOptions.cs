namespace RecCourse.Models;

/// <summary>
/// Hyperparameters of <see cref="HybridTrainer"/>. The model is a "wide &amp; deep" sum: the biased dot
/// product of a <see cref="MatrixFactorizationModel"/> (the wide path, trained first with
/// <see cref="Mf"/>) plus an MLP over [user emb | item emb | metadata | occupation emb] (the deep path,
/// trained next on what the dot product leaves, with Adam). With <see cref="UseMfPath"/> off it is the
/// plain deep recommender of the lectures: concatenated embeddings → MLP → sigmoid y_range.
/// </summary>
public sealed record HybridOptions
{
    /// <summary>Recipe of the wide (dot-product) path.</summary>
    public MatrixFactorizationOptions Mf { get; init; } = new();
    public bool UseMfPath { get; init; } = true;
    /// <summary>Feed genres, year, age, gender and occupation to the MLP (off: embeddings only).</summary>
    public bool UseMetadata { get; init; } = true;
    /// <summary>Width of the MLP's own user and item embeddings.</summary>
    public int EmbeddingDimensions { get; init; } = 32;
    public int OccupationDimensions { get; init; } = 8;
    /// <summary>Hidden layer widths of the MLP, input to output.</summary>
    public int[] HiddenWidths { get; init; } = [128, 64];
    /// <summary>Inverted dropout after every hidden layer during training.</summary>
    public float Dropout { get; init; } = 0.2f;
    public int Epochs { get; init; } = 5;
    /// <summary>Adam step size of the deep path.</summary>
    public float LearningRate { get; init; } = 1e-3f;
    /// <summary>L2 on the MLP embedding rows each rating touches.</summary>
    public float EmbeddingRegularization { get; init; } = 1e-3f;
    public int BatchSize { get; init; } = 256;
    public int Seed { get; init; } = 42;
    /// <summary>Output range of the pure deep model (without the MF path), fast.ai style.</summary>
    public (float Low, float High) YRange { get; init; } = (0f, 5.5f);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (UseMfPath) Mf.Validate();
        if (EmbeddingDimensions < 1) throw new ArgumentOutOfRangeException(nameof(EmbeddingDimensions), EmbeddingDimensions, "must be ≥ 1");
        if (OccupationDimensions < 1) throw new ArgumentOutOfRangeException(nameof(OccupationDimensions), OccupationDimensions, "must be ≥ 1");
        if (HiddenWidths.Any(w => w < 1)) throw new ArgumentOutOfRangeException(nameof(HiddenWidths), string.Join(",", HiddenWidths), "widths must be ≥ 1");
        if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "must be in [0, 1)");
        if (Epochs < 0) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "must be ≥ 0");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must be > 0");
        if (!(EmbeddingRegularization >= 0)) throw new ArgumentOutOfRangeException(nameof(EmbeddingRegularization), EmbeddingRegularization, "must be ≥ 0");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "must be ≥ 1");
        if (!(YRange.High > YRange.Low)) throw new ArgumentOutOfRangeException(nameof(YRange), YRange, "High must exceed Low");
    }
}
