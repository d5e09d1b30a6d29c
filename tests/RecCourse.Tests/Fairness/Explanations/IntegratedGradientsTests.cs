using RecCourse.Fairness.Explanations;
using RecCourse.Tests.TestSupport;
using RecCourse.Training;
using static TorchSharp.torch;

namespace RecCourse.Tests.Fairness.Explanations;

public class IntegratedGradientsTests
{
    public IntegratedGradientsTests() => Backend.Initialize();

    // ---- TorchSharp autograd form --------------------------------------------------------------

    [Fact]
    public void Tensor_LinearModel_AttributionIsWeightTimesDelta()
    {
        var w = tensor(new double[] { 0.5, -2, 3 });
        var a = IntegratedGradients.Attribute(x => x.matmul(w) + 1.0, tensor(new double[] { 1, 2, -1 }), zeros(3, ScalarType.Float64), steps: 3);
        Approx.AssertClose([0.5, -4, -3], a.Attributions, 1e-12, 1e-12, "attribution");
        Approx.AssertClose(0, a.CompletenessGap, 0, 1e-12);
        Approx.AssertClose(-5.5, a.Value, 1e-12, 0, "f(x)");
        Approx.AssertClose(1, a.BaselineValue, 1e-12, 0, "f(baseline)");
    }

    [Fact]
    public void Tensor_Quadratic_MatchesClosedForm_ForAnyStepCount()
    {
        // f(z) = zᵀAz (A symmetric): ∇f = 2Az is linear along the path, so the trapezoid rule is exact and
        // IGᵢ = (xᵢ − x′ᵢ) · (A(x + x′))ᵢ.
        double[,] a = { { 2, 0.5, -1 }, { 0.5, 1, 0.3 }, { -1, 0.3, 3 } };
        var A = tensor(a.Cast<double>().ToArray(), [3, 3]);
        double[] x = [1.2, -0.7, 0.4], b = [0.3, 0.1, -0.5];
        var expected = new double[3];
        for (int i = 0; i < 3; i++)
        {
            double s = 0;
            for (int j = 0; j < 3; j++) s += a[i, j] * (x[j] + b[j]);
            expected[i] = (x[i] - b[i]) * s;
        }
        foreach (int steps in new[] { 1, 2, 17 })
        {
            var ig = IntegratedGradients.Attribute(z => (z.matmul(A) * z).sum(1), tensor(x), tensor(b), steps);
            Approx.AssertClose(expected, ig.Attributions, 1e-12, 1e-12, $"steps {steps}");
            Approx.AssertClose(0, ig.CompletenessGap, 0, 1e-12, $"gap, steps {steps}");
        }
    }

    [Fact]
    public void Tensor_SmallMlp_IsComplete_AndGapShrinksWithSteps()
    {
        using var model = InputGradientsTests.SmallMlp(7);
        var x = tensor(new double[] { 1.0, -0.5, 2.0, 0.7 });
        var baseline = zeros(4, ScalarType.Float64);
        var coarse = IntegratedGradients.Attribute(model.forward, x, baseline, steps: 4);
        var fine = IntegratedGradients.Attribute(model.forward, x, baseline, steps: 256);
        using (no_grad())
        {
            Approx.AssertClose(model.forward(x.unsqueeze(0)).item<double>(), fine.Value, 1e-12, 1e-14, "f(x)");
            Approx.AssertClose(model.forward(baseline.unsqueeze(0)).item<double>(), fine.BaselineValue, 1e-12, 1e-14, "f(0)");
        }
        Approx.AssertClose(fine.Value - fine.BaselineValue, fine.Attributions.Sum(), 1e-4, 1e-6, "Σ attributions vs f(x) − f(0)");
        Assert.True(Math.Abs(fine.CompletenessGap) < Math.Abs(coarse.CompletenessGap) / 100, $"coarse {coarse.CompletenessGap}, fine {fine.CompletenessGap}");
    }

    [Fact]
    public void Tensor_AgreesWithTheFloatCallbackForm_AndWithTheBatchSize()
    {
        using var model = InputGradientsTests.SmallMlp(8, ScalarType.Float32);
        float[] x = [0.4f, -1.0f, 1.5f, 0.2f], b = [0.1f, 0.1f, 0.0f, -0.3f];
        var viaTensor = IntegratedGradients.Attribute(model.forward, tensor(x), tensor(b), steps: 64);
        var viaCallback = IntegratedGradients.Attribute(InputGradients.Of(model, CPU), x, b, steps: 64);
        var smallBatches = IntegratedGradients.Attribute(model.forward, tensor(x), tensor(b), steps: 64, batchSize: 7);
        Approx.AssertClose(viaCallback.Attributions, viaTensor.Attributions, 1e-5, 1e-6, "tensor vs callback");
        Approx.AssertClose(viaTensor.Attributions, smallBatches.Attributions, 1e-6, 1e-7, "batch 1024 vs 7");
    }

    [Fact]
    public void AttributeRows_EqualsOneRowAtATime()
    {
        using var model = InputGradientsTests.SmallMlp(9);
        manual_seed(1);
        var rows = randn(3, 4, ScalarType.Float64);
        var baseline = tensor(new double[] { 0.1, -0.2, 0.0, 0.3 });
        var all = IntegratedGradients.AttributeRows(model.forward, rows, baseline, steps: 32, batchSize: 10);
        Assert.Equal(3, all.Count);
        for (int r = 0; r < 3; r++)
        {
            var one = IntegratedGradients.Attribute(model.forward, rows[r], baseline, steps: 32);
            Approx.AssertClose(one.Attributions, all[r].Attributions, 1e-12, 1e-14, $"row {r}");
            Approx.AssertClose(one.Value, all[r].Value, 1e-12, 1e-14, $"f(row {r})");
        }
        // One baseline per row.
        var perRow = IntegratedGradients.AttributeRows(model.forward, rows, baseline.unsqueeze(0).expand(3, 4), steps: 32);
        Approx.AssertClose(all[2].Attributions, perRow[2].Attributions, 1e-12, 1e-14, "per-row baseline");
    }

    [Fact]
    public void Tensor_BadShapes_Throw()
    {
        Assert.Throws<ArgumentException>(() => IntegratedGradients.Attribute(x => x.sum(1), ones(3), zeros(2)));
        Assert.Throws<ArgumentException>(() => IntegratedGradients.Attribute(x => x.sum(1), ones(2, 3), zeros(3)));
        Assert.Throws<ArgumentException>(() => IntegratedGradients.AttributeRows(x => x.sum(1), ones(2, 3), zeros(3, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegratedGradients.Attribute(x => x.sum(1), ones(3), zeros(3), steps: 0));
    }

    // ---- value-and-gradient callback form ----------------------------------------------------

    [Fact]
    public void LinearModel_AttributionIsWeightTimesDelta()
    {
        float[] w = [0.5f, -2f, 3f];
        (float, float[]) Linear(float[] z) => (w[0] * z[0] + w[1] * z[1] + w[2] * z[2] + 1f, (float[])w.Clone());
        var a = IntegratedGradients.Attribute(Linear, [1f, 2f, -1f], [0f, 0f, 0f], steps: 4);
        Approx.AssertClose([0.5, -4, -3], a.Attributions, 1e-6, 1e-6, "attribution");
        Approx.AssertClose(0, a.CompletenessGap, 0, 1e-5);
    }

    [Fact]
    public void NonLinearModel_CompletenessHolds()
    {
        // f(z) = z0² z1 + sin(z2) + exp(0.3 z0), with its analytic gradient.
        static (float, float[]) F(float[] z)
        {
            double z0 = z[0], z1 = z[1], z2 = z[2];
            double value = z0 * z0 * z1 + Math.Sin(z2) + Math.Exp(0.3 * z0);
            return ((float)value, [(float)(2 * z0 * z1 + 0.3 * Math.Exp(0.3 * z0)), (float)(z0 * z0), (float)Math.Cos(z2)]);
        }
        float[] x = [1.5f, -0.7f, 2.0f], baseline = [0.2f, 0.1f, -0.5f];
        var a = IntegratedGradients.Attribute(F, x, baseline, steps: 200);
        double expected = F(x).Item1 - F(baseline).Item1;
        Approx.AssertClose(expected, a.Attributions.Sum(), 1e-3, 1e-4, "Σ attributions");
        Approx.AssertClose(expected, a.Value - a.BaselineValue, 1e-6, 1e-6, "f(x) − f(x′)");
    }

    [Fact]
    public void MoreSteps_ShrinkCompletenessGap()
    {
        static (float, float[]) F(float[] z) => ((float)Math.Exp(z[0] * z[1]), [(float)(z[1] * Math.Exp(z[0] * z[1])), (float)(z[0] * Math.Exp(z[0] * z[1]))]);
        var coarse = IntegratedGradients.Attribute(F, [1.2f, 1.1f], [0f, 0f], steps: 4);
        var fine = IntegratedGradients.Attribute(F, [1.2f, 1.1f], [0f, 0f], steps: 256);
        Assert.True(Math.Abs(fine.CompletenessGap) < Math.Abs(coarse.CompletenessGap) / 100,
            $"coarse gap {coarse.CompletenessGap}, fine gap {fine.CompletenessGap}");
    }

    [Fact]
    public void FeatureEqualToBaseline_GetsZero()
    {
        static (float, float[]) F(float[] z) => (z[0] * z[1], [z[1], z[0]]);
        var a = IntegratedGradients.Attribute(F, [2f, 3f], [2f, 0f]);
        Approx.AssertClose(0, a.Attributions[0], 0, 1e-12);
        Approx.AssertClose(6, a.Attributions[1], 1e-5, 1e-5);
    }

    [Fact]
    public void MismatchedBaseline_Throws()
    {
        Assert.Throws<ArgumentException>(() => IntegratedGradients.Attribute(z => (0f, new float[z.Length]), [1f, 2f], [0f]));
    }
}
