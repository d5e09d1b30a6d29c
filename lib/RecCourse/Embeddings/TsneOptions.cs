namespace RecCourse.Embeddings;

/// <summary>Settings of <see cref="Tsne"/>; defaults follow van der Maaten and Hinton (2008) and scikit-learn.</summary>
public sealed record TsneOptions
{
    /// <summary>Effective number of neighbours each point's Gaussian covers; must be ≤ n − 1 (typical 5–50).</summary>
    public double Perplexity { get; init; } = 30;
    /// <summary>Output dimensions (2 for plots).</summary>
    public int Dimensions { get; init; } = 2;
    public int Iterations { get; init; } = 1000;
    /// <summary>Gradient step η.</summary>
    public double LearningRate { get; init; } = 200;
    /// <summary>P is multiplied by this for the first <see cref="ExaggerationIterations"/> steps, so clusters form before they spread.</summary>
    public double EarlyExaggeration { get; init; } = 12;
    public int ExaggerationIterations { get; init; } = 250;
    /// <summary>Momentum before and after iteration 250.</summary>
    public double InitialMomentum { get; init; } = 0.5;
    public double FinalMomentum { get; init; } = 0.8;
    public int Seed { get; init; } = 42;
    /// <summary>Worker threads for the O(n²) passes; results do not depend on it.</summary>
    public int Threads { get; init; } = 2;
}
