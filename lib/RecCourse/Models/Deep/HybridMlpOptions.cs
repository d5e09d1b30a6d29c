namespace RecCourse.Models;

/// <summary>Architecture of <see cref="HybridMlp"/>; the defaults are torch_reference.py's "mlp".</summary>
public sealed record HybridMlpOptions
{
    public int UserDim { get; init; } = 32;
    public int ItemDim { get; init; } = 32;
    /// <summary>Width of the embedding of the user's categorical attribute (occupation).</summary>
    public int CategoryDim { get; init; } = 8;
    /// <summary>Hidden layer widths, each followed by ReLU.</summary>
    public int[] Hidden { get; init; } = [128, 64];
    /// <summary>Dropout after each hidden layer's ReLU (0 = none); same length as <see cref="Hidden"/>.</summary>
    public float[] Dropout { get; init; } = [0.2f, 0f];
    /// <summary>Embedding init std (PyTorch's nn.Embedding default is 1).</summary>
    public float EmbeddingStd { get; init; } = 1f;
    public float YMin { get; init; }
    /// <summary>Upper end of the sigmoid output range; null for a raw linear output.</summary>
    public float? YMax { get; init; } = 5.5f;
}
