using System.Numerics.Tensors;

namespace RecCourse.Fairness.Leakage;

/// <summary>
/// Removes a sensitive attribute's linear signal from embeddings by projecting each row onto the
/// orthogonal complement of one or more directions: x ← x − Σ (x·u) u over orthonormal u.
/// <list type="bullet">
/// <item><see cref="MeanDifference"/>: one direction, the difference of the two group means — enough
/// when the attribute shifts the embeddings along one axis.</item>
/// <item><see cref="Iterative"/>: "iterative nullspace projection" (Ravfogel et al. 2020): fit a linear
/// probe, remove its weight vector, repeat, so signal spread over several directions goes too.</item>
/// </list>
/// A linear projection only hides what a linear probe can see; a non-linear probe may still recover
/// the attribute. Adversarial censoring (Edwards &amp; Storkey 2016) trains the embedding against a
/// (possibly non-linear) adversary instead; projection is its closed-form linear analogue.
/// </summary>
public static class AttributeProjection
{
    /// <summary>Unit vector along mean(rows where true) − mean(rows where false).</summary>
    public static double[] MeanDifferenceDirection(double[][] x, bool[] attribute)
    {
        int d = EmbeddingRows.Validate(x, attribute);
        var meanTrue = new double[d]; var meanFalse = new double[d];
        int nTrue = 0, nFalse = 0;
        for (int r = 0; r < x.Length; r++)
        {
            var target = attribute[r] ? meanTrue : meanFalse;
            for (int c = 0; c < d; c++) target[c] += x[r][c];
            if (attribute[r]) nTrue++; else nFalse++;
        }
        if (nTrue == 0 || nFalse == 0) throw new ArgumentException("Both attribute values must occur to take a mean difference.", nameof(attribute));
        var direction = new double[d];
        for (int c = 0; c < d; c++) direction[c] = meanTrue[c] / nTrue - meanFalse[c] / nFalse;
        return Normalise(direction) ?? throw new InvalidOperationException("The group means coincide: there is no mean-difference direction to remove.");
    }

    /// <summary>Projects the mean-difference direction out of every row.</summary>
    public static ProjectionResult MeanDifference(double[][] x, bool[] attribute)
    {
        var u = MeanDifferenceDirection(x, attribute);
        return new ProjectionResult(ProjectOut(x, [u]), [u]);
    }

    /// <summary>
    /// Iterative nullspace projection: <paramref name="iterations"/> rounds of fitting an L2 logistic
    /// probe on the current (centred) rows and projecting out its normalised weight vector. Stops early
    /// when the probe's weights vanish (nothing linear left to remove).
    /// </summary>
    public static ProjectionResult Iterative(double[][] x, bool[] attribute, int iterations = 5, double l2 = 1.0)
    {
        EmbeddingRows.Validate(x, attribute);
        if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "Need at least one iteration.");
        var directions = new List<double[]>();
        var current = x;
        for (int it = 0; it < iterations; it++)
        {
            var probe = LogisticRegression.Fit(current, attribute, l2);
            var u = Normalise((double[])probe.Weights.Clone());
            if (u is null) break;
            directions.Add(u);
            current = ProjectOut(x, directions);
        }
        return new ProjectionResult(current, directions);
    }

    /// <summary>
    /// Each row minus its components along <paramref name="directions"/>, which are orthonormalised
    /// first (Gram–Schmidt) so overlapping directions are not removed twice. Returns new rows.
    /// </summary>
    public static double[][] ProjectOut(double[][] x, IReadOnlyList<double[]> directions)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(directions);
        var basis = new List<double[]>();
        foreach (var dir in directions)
        {
            if (x.Length > 0 && dir.Length != x[0].Length)
                throw new ArgumentException($"A direction has {dir.Length} values but rows have {x[0].Length}.", nameof(directions));
            var v = (double[])dir.Clone();
            foreach (var b in basis) Axpy(-Dot(v, b), b, v);
            if (Normalise(v) is { } unit) basis.Add(unit);
        }
        var result = new double[x.Length][];
        for (int r = 0; r < x.Length; r++)
        {
            var row = (double[])x[r].Clone();
            foreach (var b in basis) Axpy(-Dot(row, b), b, row);
            result[r] = row;
        }
        return result;
    }

    private static double Dot(double[] a, double[] b) => TensorPrimitives.Dot<double>(a, b);

    /// <summary>y ← y + alpha·x.</summary>
    private static void Axpy(double alpha, double[] x, double[] y) => TensorPrimitives.MultiplyAdd<double>(x, alpha, y, y);

    /// <summary>Scales <paramref name="v"/> to unit length in place; null when it is (numerically) zero.</summary>
    private static double[]? Normalise(double[] v)
    {
        double norm = Math.Sqrt(Dot(v, v));
        if (norm < 1e-12) return null;
        for (int i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }
}
