using RecCourse.Tensors;

namespace RecCourse.Nn;

/// <summary>max(x, 0) element-wise (<c>nn.ReLU</c>).</summary>
public sealed class ReLU : Module
{
    public override Tensor Forward(Tensor input) => Ops.Relu(input);
}
