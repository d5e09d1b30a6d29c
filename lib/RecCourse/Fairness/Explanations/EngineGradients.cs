using RecCourse.Tensors;

namespace RecCourse.Fairness.Explanations;

/// <summary>
/// Bridge from the retiring engine (RecCourse.Tensors/Nn) to the <c>value and input gradient</c>
/// functions of <see cref="IntegratedGradients"/>, kept only for <see cref="HybridMlpExplanations"/>
/// until that moves to the TorchSharp <c>HybridMlp</c>; delete this file with it. New code uses
/// <see cref="InputGradients"/> (TorchSharp autograd).
/// </summary>
internal static class EngineGradients
{
    /// <summary>
    /// Wraps <paramref name="forward"/>, which maps an input of shape [1, d] to a one-element tensor
    /// (e.g. a predicted rating, or one logit). Gradients also accumulate in any parameters the
    /// forward pass touches; clear them (<c>ZeroGrad</c>) before training again.
    /// </summary>
    public static Func<float[], (float Value, float[] Grad)> Of(Func<Tensor, Tensor> forward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        return x =>
        {
            var input = new Tensor((float[])x.Clone(), 1, x.Length) { RequiresGrad = true };
            var output = forward(input);
            if (output.Length != 1) throw new InvalidOperationException($"The forward function returned shape {output.ShapeString}; attributions need one output value.");
            output.Backward();
            // An input the output does not depend on receives no gradient at all.
            var grad = input.Grad is { } g ? (float[])g.Clone() : new float[x.Length];
            return (output.Data[0], grad);
        };
    }
}
