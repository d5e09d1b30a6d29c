using RecCourse.Tensors;

namespace RecCourse.Nn;

/// <summary>
/// y = x·Wᵀ + b (<c>nn.Linear</c>), W [out × in]. Initialised like PyTorch: W and b from
/// U(−1/√in, 1/√in).
/// </summary>
public sealed class Linear : Module
{
    public Linear(int inFeatures, int outFeatures, Random rng, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegative(outFeatures);
        Weight = RegisterParameter("weight", new Tensor(outFeatures, inFeatures));
        Init.LinearDefault(Weight.Data, rng, inFeatures);
        if (bias)
        {
            Bias = RegisterParameter("bias", new Tensor(outFeatures));
            Init.LinearDefault(Bias.Data, rng, inFeatures);
        }
    }

    public Tensor Weight { get; }
    public Tensor? Bias { get; }
    public int InFeatures => Weight.Cols;
    public int OutFeatures => Weight.Rows;

    /// <summary>x [batch × in] → [batch × out].</summary>
    public override Tensor Forward(Tensor input) => Ops.Linear(input, Weight, Bias);
}
