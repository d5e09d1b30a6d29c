using RecCourse.Tensors;

namespace RecCourse.Nn;

/// <summary>
/// A lookup table of <c>count</c> vectors of size <c>dim</c> (<c>nn.Embedding</c>). Initialised from
/// N(0, std²); PyTorch's default std is 1, fast.ai's collaborative filtering uses 0.01.
/// </summary>
public sealed class Embedding : Module
{
    public Embedding(int count, int dim, Random rng, float std = 1f)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(dim);
        Weight = RegisterParameter("weight", Tensor.Normal(rng, 0f, std, count, dim));
    }

    /// <summary>The table [count × dim].</summary>
    public Tensor Weight { get; }

    public int Count => Weight.Rows;
    public int Dim => Weight.Cols;

    /// <summary>Rows at <paramref name="indices"/> → [n × dim]; gradients flow back only to those rows.</summary>
    public Tensor Forward(ReadOnlySpan<int> indices) => Ops.Gather(Weight, indices);
}
