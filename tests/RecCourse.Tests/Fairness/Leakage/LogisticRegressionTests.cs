using RecCourse.Fairness.Leakage;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Fairness.Leakage;

public class LogisticRegressionTests
{
    [Fact]
    public void Fit_StationaryPoint_GradientOfPenalisedLossIsZero()
    {
        var (x, y, _) = PlantedEmbeddings.Make(300, 4, 1.0, seed: 3);
        const double l2 = 2.0;
        var model = LogisticRegression.Fit(x, y, l2);
        // ∂L/∂w_c = Σ (p − y) x_c + λ w_c and ∂L/∂b = Σ (p − y) must vanish at the optimum.
        var grad = new double[5];
        for (int r = 0; r < x.Length; r++)
        {
            double residual = model.PredictProbability(x[r]) - (y[r] ? 1 : 0);
            for (int c = 0; c < 4; c++) grad[c] += residual * x[r][c];
            grad[4] += residual;
        }
        for (int c = 0; c < 4; c++) grad[c] += l2 * model.Weights[c];
        foreach (var g in grad) Approx.AssertClose(0, g, 0, 1e-6, "gradient");
    }

    [Fact]
    public void Fit_OneFeature_RecoversGeneratingCoefficients()
    {
        // y ~ Bernoulli(σ(2x − 1)); with many rows and a negligible penalty the MLE is close to (2, −1).
        var rng = new Random(11);
        int n = 20000;
        var x = new double[n][]; var y = new bool[n];
        for (int r = 0; r < n; r++)
        {
            x[r] = [PlantedEmbeddings.Gaussian(rng)];
            y[r] = rng.NextDouble() < 1 / (1 + Math.Exp(-(2 * x[r][0] - 1)));
        }
        var model = LogisticRegression.Fit(x, y, l2: 1e-6);
        Approx.AssertClose(2.0, model.Weights[0], 0.05, 0, "slope");
        Approx.AssertClose(-1.0, model.Intercept, 0.05, 0, "intercept");
    }

    [Fact]
    public void Fit_SeparableData_StaysFiniteWithPenalty()
    {
        double[][] x = [[-2], [-1], [1], [2]];
        bool[] y = [false, false, true, true];
        var model = LogisticRegression.Fit(x, y, l2: 0.1);
        Assert.True(double.IsFinite(model.Weights[0]) && model.Weights[0] > 0);
        Assert.True(model.PredictProbability([2.0]) > 0.9);
    }

    [Fact]
    public void Fit_MismatchedLengths_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([[1.0], [2.0]], [true]));
        Assert.Contains("2 rows", ex.Message);
    }
}
