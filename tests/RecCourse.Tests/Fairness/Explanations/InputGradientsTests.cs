using RecCourse.Fairness.Explanations;
using RecCourse.Tests.TestSupport;
using RecCourse.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace RecCourse.Tests.Fairness.Explanations;

public class InputGradientsTests
{
    public InputGradientsTests() => Backend.Initialize();

    /// <summary>A float64 MLP rows [n, 4] → [n, 1] with smooth activations.</summary>
    internal static nn.Module<Tensor, Tensor> SmallMlp(int seed, ScalarType dtype = ScalarType.Float64)
    {
        manual_seed(seed);
        var model = nn.Sequential(("l1", nn.Linear(4, 8, dtype: dtype)), ("tanh", nn.Tanh()), ("l2", nn.Linear(8, 1, dtype: dtype)));
        model.eval();
        return model;
    }

    [Fact]
    public void Gradients_MatchCentralDifferences_PerRow()
    {
        using var model = SmallMlp(1);
        var points = tensor(new double[] { 0.3, -1.2, 0.8, 0.1, 1.5, 0.2, -0.4, 2.0, -0.9, 0.0, 0.6, -1.1 }, [3, 4]);
        var (values, gradients) = InputGradients.Compute(model.forward, points);
        Assert.Equal(new long[] { 3 }, values.shape);
        Assert.Equal(new long[] { 3, 4 }, gradients.shape);
        var g = gradients.data<double>().ToArray();
        for (int r = 0; r < 3; r++)
        {
            var row = points[r].unsqueeze(0).clone();
            for (int c = 0; c < 4; c++)
            {
                double numeric = TorchGradientCheck.Central(() => model.forward(row).sum(), row.view(-1), c, 1e-6);
                Approx.AssertClose(numeric, g[r * 4 + c], Approx.GradRel, Approx.GradAbs, $"∂f/∂x[{r},{c}]");
            }
        }
        // Values are the model's own outputs, and the points were not modified.
        using (no_grad()) Approx.AssertClose(model.forward(points).reshape(3).data<double>().ToArray(), values.data<double>().ToArray(), 0, 0, "values");
        Assert.False(points.requires_grad);
    }

    [Fact]
    public void ParameterGradients_AreLeftUntouched()
    {
        using var model = SmallMlp(2);
        InputGradients.Compute(model.forward, randn(5, 4, ScalarType.Float64));
        Assert.All(model.parameters(), p => Assert.True(p.grad is null, "a parameter received a gradient"));
    }

    [Fact]
    public void UnusedInput_GetsZeroGradient_ConstantFunctionToo()
    {
        var points = randn(3, 2, ScalarType.Float64);
        var (_, g) = InputGradients.Compute(x => x[.., 0] * 2.0, points);
        Approx.AssertClose([2, 0, 2, 0, 2, 0], g.data<double>().ToArray(), 0, 0, "∂(2 x0)/∂x");
        var (v, g0) = InputGradients.Compute(x => ones(x.shape[0], ScalarType.Float64), points);
        Approx.AssertClose(new double[6], g0.data<double>().ToArray(), 0, 0, "constant");
        Approx.AssertClose([1, 1, 1], v.data<double>().ToArray(), 0, 0, "constant values");
    }

    [Fact]
    public void WrongOutputShape_IsReported()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => InputGradients.Compute(x => x.sum(), randn(3, 2)));
        Assert.Contains("one value per row", ex.Message);
        Assert.Throws<ArgumentException>(() => InputGradients.Compute(x => x.sum(1), randn(3)));
    }

    [Fact]
    public void Of_Module_GivesFloatValueAndGradient()
    {
        using var model = SmallMlp(3, ScalarType.Float32);
        var f = InputGradients.Of(model, CPU);
        float[] x = [0.2f, 0.4f, -0.6f, 0.9f];
        var (value, grad) = f(x);
        var (v, g) = InputGradients.Compute(model.forward, tensor(x, [1, 4]));
        Approx.AssertClose(v.item<float>(), value, 0, 0, "value");
        Approx.AssertClose(g.data<float>().ToArray().Select(e => (double)e).ToArray(), grad, 0, 0, "gradient");
        // Repeated calls do not accumulate anything.
        Approx.AssertClose(grad.Select(e => (double)e).ToArray(), f(x).Grad, 0, 0, "second call");
    }
}
