using RecCourse.Fairness.Explanations;
using RecCourse.Nn;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Fairness.Explanations;

public class EngineGradientsTests
{
    private static Sequential SmallMlp() => new(new Linear(4, 8, new Random(1)), new Tanh(), new Linear(8, 1, new Random(2)));

    [Fact]
    public void Gradient_MatchesCentralDifferences()
    {
        var f = EngineGradients.Of(SmallMlp());
        float[] x = [0.3f, -1.2f, 0.8f, 0.1f];
        var (_, grad) = f(x);
        const float h = 1e-2f;
        for (int i = 0; i < x.Length; i++)
        {
            var plus = (float[])x.Clone(); plus[i] += h;
            var minus = (float[])x.Clone(); minus[i] -= h;
            double numeric = ((double)f(plus).Value - f(minus).Value) / (2 * h);
            Approx.AssertClose(numeric, grad[i], 2e-2, 2e-3, $"∂f/∂x{i}");
        }
    }

    [Fact]
    public void IntegratedGradients_OnEngineMlp_IsComplete()
    {
        var f = EngineGradients.Of(SmallMlp());
        float[] x = [1.0f, -0.5f, 2.0f, 0.7f], baseline = new float[4];
        var a = IntegratedGradients.Attribute(f, x, baseline, steps: 128);
        Approx.AssertClose(a.Value - a.BaselineValue, a.Attributions.Sum(), 1e-3, 1e-4, "Σ attributions vs f(x) − f(0)");
    }

    [Fact]
    public void RepeatedCalls_GiveTheSameGradient()
    {
        // Parameter gradients are cleared between calls, and the input is a fresh leaf each time.
        var f = EngineGradients.Of(SmallMlp());
        float[] x = [0.2f, 0.4f, -0.6f, 0.9f];
        var first = f(x).Grad;
        var second = f(x).Grad;
        for (int i = 0; i < first.Length; i++) Approx.AssertClose(first[i], second[i], 0, 0);
    }
}
