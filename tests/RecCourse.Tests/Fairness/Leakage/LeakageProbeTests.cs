using RecCourse.Fairness.Leakage;

namespace RecCourse.Tests.Fairness.Leakage;

public class LeakageProbeTests
{
    [Fact]
    public void Probe_PlantedDirection_HighAuc()
    {
        var (x, a, _) = PlantedEmbeddings.Make(600, 16, shift: 2.0, seed: 1);
        var result = LeakageProbe.Run(x, a, folds: 5, seed: 0);
        // A 2σ shift separates the classes with AUC Φ(2/√2) ≈ 0.92 for the Bayes rule.
        Assert.InRange(result.Auc, 0.85, 1.0);
        Assert.Equal(5, result.FoldAucs.Length);
    }

    [Fact]
    public void Probe_NoSignal_AucNearHalf()
    {
        var (x, a, _) = PlantedEmbeddings.Make(600, 16, shift: 0.0, seed: 2);
        var result = LeakageProbe.Run(x, a, folds: 5, seed: 0);
        Assert.InRange(result.Auc, 0.4, 0.6);
    }

    [Fact]
    public void MeanDifferenceProjection_RemovesLeakage()
    {
        var (x, a, planted) = PlantedEmbeddings.Make(600, 16, shift: 2.0, seed: 4);
        var before = LeakageProbe.Run(x, a, seed: 0);
        var projected = AttributeProjection.MeanDifference(x, a);
        var after = LeakageProbe.Run(x, a, seed: 0, mitigation: AttributeProjection.MeanDifference);
        Assert.True(before.Auc > 0.85, $"before {before.Auc}");
        Assert.InRange(after.Auc, 0.4, 0.6);
        // The removed direction is (close to) the planted one, up to sign.
        double cos = Math.Abs(projected.Directions[0].Zip(planted, (p, q) => p * q).Sum());
        Assert.True(cos > 0.9, $"cosine with planted direction {cos}");
    }

    [Fact]
    public void IterativeProjection_RemovesLeakageSpreadOverTwoDirections()
    {
        // Attribute shifts along two orthogonal axes: one mean-difference step is not the only route.
        var (x, a, _) = PlantedEmbeddings.Make(600, 12, shift: 0.0, seed: 5);
        for (int r = 0; r < x.Length; r++) if (a[r]) { x[r][0] += 1.5; x[r][1] -= 1.5; }
        var before = LeakageProbe.Run(x, a, seed: 0);
        var projected = AttributeProjection.Iterative(x, a, iterations: 3);
        var after = LeakageProbe.Run(x, a, seed: 0, mitigation: (xs, ys) => AttributeProjection.Iterative(xs, ys, iterations: 3));
        Assert.True(before.Auc > 0.9, $"before {before.Auc}");
        Assert.InRange(after.Auc, 0.38, 0.62);
        // Removed directions are orthonormal.
        var d = projected.Directions;
        Assert.True(Math.Abs(d[0].Zip(d[1], (p, q) => p * q).Sum()) < 1e-6);
    }

    [Fact]
    public void FullSampleProjectionThenCrossValidation_IsBiasedBelowHalf()
    {
        // Why the probe fits mitigations inside each fold: projecting on all rows first leaves each
        // held-out fold with a residual difference opposite to its training folds'.
        var (x, a, _) = PlantedEmbeddings.Make(600, 16, shift: 2.0, seed: 4);
        var leaky = LeakageProbe.Run(AttributeProjection.MeanDifference(x, a).Embeddings, a, seed: 0);
        var inFold = LeakageProbe.Run(x, a, seed: 0, mitigation: AttributeProjection.MeanDifference);
        Assert.True(leaky.Auc < inFold.Auc, $"full-sample {leaky.Auc} vs in-fold {inFold.Auc}");
    }

    [Fact]
    public void ProjectOut_ResultIsOrthogonalToDirections()
    {
        double[][] x = [[1, 2, 3], [-1, 0, 4]];
        var projected = AttributeProjection.ProjectOut(x, [[1, 0, 0], [1, 1, 0]]);
        // Span of the two directions is the xy-plane: only z survives.
        foreach (var row in projected) { Assert.True(Math.Abs(row[0]) < 1e-12); Assert.True(Math.Abs(row[1]) < 1e-12); }
        Assert.True(Math.Abs(projected[1][2] - 4) < 1e-12);
    }

    [Fact]
    public void Probe_TooFewRowsPerClass_Throws()
    {
        double[][] x = [[1.0], [2.0], [3.0], [4.0]];
        Assert.Throws<ArgumentException>(() => LeakageProbe.Run(x, [true, false, false, false], folds: 2));
    }
}
