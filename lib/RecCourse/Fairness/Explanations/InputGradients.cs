using RecCourse.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace RecCourse.Fairness.Explanations;

/// <summary>
/// Values and input gradients of a differentiable function of rows through TorchSharp autograd:
/// what <see cref="IntegratedGradients"/> integrates. The function maps rows [n, d] to one output
/// per row ([n], or [n, 1]) and must treat rows independently (a model in <c>eval()</c> mode: no
/// dropout, no batch statistics), because one backward pass of Σ outputs gives every row's gradient.
/// Gradients are taken with <c>torch.autograd.grad</c>, so nothing accumulates in a model's
/// parameters' <c>.grad</c>.
/// </summary>
public static class InputGradients
{
    /// <summary>
    /// f(points) [n] and ∂f/∂points [n, d], both detached, in the dtype and on the device of what f
    /// returns and of <paramref name="points"/>. An output that does not depend on the input has gradient 0.
    /// </summary>
    /// <param name="f">Rows [n, d] → outputs [n] or [n, 1].</param>
    /// <param name="points">Rows [n, d] (not modified; a detached copy is differentiated).</param>
    public static (Tensor Values, Tensor Gradients) Compute(Func<Tensor, Tensor> f, Tensor points)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(points);
        if (points.dim() != 2) throw new ArgumentException($"Points must be rows [n, d]; got shape [{string.Join(", ", points.shape)}].", nameof(points));
        if (!points.is_floating_point()) throw new ArgumentException($"Points must be floating point to be differentiated; got {points.dtype}.", nameof(points));
        long n = points.shape[0];
        using var enable = enable_grad();
        using var scope = NewDisposeScope();
        var leaf = points.detach().clone().requires_grad_(true);
        var output = f(leaf) ?? throw new InvalidOperationException("The function returned null.");
        if (!(output.shape.Length == 1 && output.shape[0] == n) && !(output.shape.Length == 2 && output.shape[0] == n && output.shape[1] == 1))
            throw new InvalidOperationException(
                $"The function maps rows of shape [{string.Join(", ", points.shape)}] to shape [{string.Join(", ", output.shape)}]; it must return one value per row, [{n}] or [{n}, 1].");
        var values = output.reshape(n);
        var gradients = values.requires_grad
            ? autograd.grad([values.sum()], [leaf])[0]
            : zeros_like(leaf);
        return (values.detach().MoveToOuterDisposeScope(), gradients.detach().MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Wraps <paramref name="f"/> as the <c>value and gradient</c> function of
    /// <see cref="IntegratedGradients.Attribute(Func{float[], ValueTuple{float, float[]}}, float[], float[], int)"/>:
    /// each call makes a float32 row [1, d] on <paramref name="device"/> (default <see cref="Backend.Device"/>).
    /// </summary>
    public static Func<float[], (float Value, float[] Grad)> Of(Func<Tensor, Tensor> f, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        Backend.Initialize();
        device ??= Backend.Device;
        return x =>
        {
            ArgumentNullException.ThrowIfNull(x);
            using var scope = NewDisposeScope();
            var (value, grad) = Compute(f, tensor(x, [1, x.Length], device: device));
            return (value.to(ScalarType.Float32).cpu().item<float>(), grad.to(ScalarType.Float32).cpu().data<float>().ToArray());
        };
    }

    /// <summary>
    /// The same for a module mapping rows [n, d] to [n] or [n, 1]; the module is switched to
    /// <c>eval()</c> (dropout off, so the function is deterministic) and its parameters' gradients are
    /// left untouched.
    /// </summary>
    public static Func<float[], (float Value, float[] Grad)> Of(nn.Module<Tensor, Tensor> model, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.eval();
        return Of(model.forward, device);
    }
}
