using MathNet.Numerics.LinearAlgebra;

namespace RecCourse.Fairness.Leakage;

/// <summary>
/// Binary logistic regression with an L2 penalty, fitted in float64 by Newton's method (IRLS):
/// minimise −Σ [y log p + (1−y) log(1−p)] + ½λ‖w‖², p = σ(w·x + b). The intercept b is not penalised.
/// Newton converges in a handful of steps at the sizes of a leakage probe (≤ a few thousand rows,
/// ≤ a few hundred features), and the penalty keeps the solution finite on separable data.
/// </summary>
public sealed class LogisticRegression
{
    private LogisticRegression(double[] weights, double intercept, int iterations)
    {
        Weights = weights; Intercept = intercept; Iterations = iterations;
    }

    /// <summary>The weight vector w (one per feature).</summary>
    public double[] Weights { get; }
    /// <summary>The intercept b.</summary>
    public double Intercept { get; }
    /// <summary>Newton steps taken.</summary>
    public int Iterations { get; }

    /// <summary>Fits on rows <paramref name="x"/> (n × d, all rows length d) and labels <paramref name="y"/> (length n).</summary>
    /// <param name="l2">Penalty λ ≥ 0 on ‖w‖² (½λ‖w‖² in the loss).</param>
    /// <param name="maxIterations">Newton steps at most.</param>
    /// <param name="tolerance">Stop when the largest parameter change is below this.</param>
    public static LogisticRegression Fit(double[][] x, bool[] y, double l2 = 1.0, int maxIterations = 50, double tolerance = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} rows but y has {y.Length} labels.", nameof(y));
        if (x.Length == 0) throw new ArgumentException("Cannot fit on zero rows.", nameof(x));
        if (l2 < 0) throw new ArgumentOutOfRangeException(nameof(l2), l2, "The L2 penalty must be ≥ 0.");
        int n = x.Length, d = x[0].Length;
        for (int r = 0; r < n; r++)
            if (x[r].Length != d) throw new ArgumentException($"Row {r} has {x[r].Length} features, row 0 has {d}.", nameof(x));

        // Design matrix with a trailing column of ones for the intercept.
        var design = Matrix<double>.Build.Dense(n, d + 1, (r, c) => c < d ? x[r][c] : 1.0);
        var target = Vector<double>.Build.Dense(n, r => y[r] ? 1.0 : 0.0);
        var theta = Vector<double>.Build.Dense(d + 1);
        var penalty = Matrix<double>.Build.DenseDiagonal(d + 1, d + 1, c => c < d ? l2 : 0.0);
        // A tiny ridge on the intercept keeps the Hessian invertible when one class is absent.
        penalty[d, d] = 1e-10;

        int it = 0;
        for (; it < maxIterations; it++)
        {
            var p = (design * theta).Map(Sigmoid);
            var weights = p.Map(v => Math.Max(v * (1 - v), 1e-12));
            var gradient = design.TransposeThisAndMultiply(p - target) + penalty * theta;
            var hessian = design.TransposeThisAndMultiply(design.MapIndexed((r, _, v) => v * weights[r])) + penalty;
            var step = hessian.Cholesky().Solve(gradient);
            theta -= step;
            if (step.AbsoluteMaximum() < tolerance) { it++; break; }
        }
        return new LogisticRegression(theta.SubVector(0, d).ToArray(), theta[d], it);
    }

    /// <summary>The decision value w·x + b (log-odds of the positive class).</summary>
    public double Decision(ReadOnlySpan<double> x)
    {
        if (x.Length != Weights.Length) throw new ArgumentException($"Expected {Weights.Length} features, got {x.Length}.", nameof(x));
        double s = Intercept;
        for (int c = 0; c < x.Length; c++) s += Weights[c] * x[c];
        return s;
    }

    /// <summary>P(y = true | x) in (0, 1).</summary>
    public double PredictProbability(ReadOnlySpan<double> x) => Sigmoid(Decision(x));

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
