using RecCourse.Nn;
using RecCourse.Tensors;

namespace RecCourse.Fairness.Explanations;

/// <summary>
/// Adapters from the kit's autograd engine to the <c>value and input gradient</c> functions that
/// <see cref="IntegratedGradients"/> needs: the input becomes a leaf tensor with
/// <see cref="Tensor.RequiresGrad"/>, one forward and one backward pass give f(x) and ∂f/∂x.
/// </summary>
public static class EngineGradients
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

    /// <summary>
    /// Wraps a module whose <see cref="Module.Forward(Tensor)"/> maps [1, d] to one value. The module
    /// is switched to evaluation mode (dropout off, so the function is deterministic) and its
    /// parameter gradients are cleared after each call.
    /// </summary>
    public static Func<float[], (float Value, float[] Grad)> Of(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Eval();
        var inner = Of(model.Forward);
        return x =>
        {
            var result = inner(x);
            model.ZeroGrad();
            return result;
        };
    }
}
