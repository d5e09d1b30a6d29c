using RecCourse.Tensors;

namespace RecCourse.Nn;

/// <summary>tanh(x) element-wise (<c>nn.Tanh</c>).</summary>
public sealed class Tanh : Module
{
    public override Tensor Forward(Tensor input) => Ops.Tanh(input);
}
