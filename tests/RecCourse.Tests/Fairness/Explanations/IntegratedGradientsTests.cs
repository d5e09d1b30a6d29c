using RecCourse.Fairness.Explanations;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Fairness.Explanations;

public class IntegratedGradientsTests
{
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
