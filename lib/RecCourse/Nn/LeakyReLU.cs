using RecCourse.Tensors;

namespace RecCourse.Nn;

/// <summary>x for x &gt; 0, slope·x otherwise (<c>nn.LeakyReLU</c>, default slope 0.01).</summary>
public sealed class LeakyReLU(float slope = 0.01f) : Module
{
    public float Slope { get; } = slope;

    public override Tensor Forward(Tensor input) => Ops.LeakyRelu(input, Slope);
}
