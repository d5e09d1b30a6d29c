using RecCourse.Tensors;

namespace RecCourse.Nn;

/// <summary>1 / (1 + e^−x) element-wise (<c>nn.Sigmoid</c>).</summary>
public sealed class Sigmoid : Module
{
    public override Tensor Forward(Tensor input) => Ops.Sigmoid(input);
}
