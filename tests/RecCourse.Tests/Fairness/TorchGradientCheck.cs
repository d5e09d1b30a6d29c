using RecCourse.Tests.TestSupport;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecCourse.Tests.Fairness;

/// <summary>Float64 finite-difference checks of TorchSharp autograd gradients.</summary>
internal static class TorchGradientCheck
{
    /// <summary>
    /// Central differences of the scalar <paramref name="loss"/> with respect to every element of every
    /// parameter (all float64), against the gradients one backward pass gives.
    /// </summary>
    public static void AssertParameterGradients(Func<Tensor> loss, IEnumerable<Parameter> parameters, double h = 1e-6, string? what = null)
    {
        var ps = parameters.ToArray();
        Assert.NotEmpty(ps);
        Assert.All(ps, p => Assert.Equal(ScalarType.Float64, p.dtype));
        foreach (var p in ps) p.grad = null;
        using (var scope = NewDisposeScope()) loss().backward();
        for (int k = 0; k < ps.Length; k++)
        {
            var p = ps[k];
            var analytic = p.grad is { } g ? g.data<double>().ToArray() : new double[p.numel()];
            for (long j = 0; j < p.numel(); j++)
            {
                double numeric = Central(loss, p.view(-1), j, h);
                Approx.AssertClose(numeric, analytic[j], Approx.GradRel, Approx.GradAbs, $"{what ?? "loss"}: ∂/∂param{k}[{j}]");
            }
            p.grad = null;
        }
    }

    /// <summary>Central difference of <paramref name="f"/> in element <paramref name="j"/> of a flat view.</summary>
    public static double Central(Func<Tensor> f, Tensor flat, long j, double h)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var element = flat[j];
        double original = element.item<double>();
        element.fill_(original + h);
        double plus = f().item<double>();
        element.fill_(original - h);
        double minus = f().item<double>();
        element.fill_(original);
        return (plus - minus) / (2 * h);
    }
}
