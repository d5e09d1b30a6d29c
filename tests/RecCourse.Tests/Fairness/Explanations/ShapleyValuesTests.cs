using RecCourse.Fairness.Explanations;
using RecCourse.Tests.TestSupport;
using RecCourse.Training;
using static TorchSharp.torch;

namespace RecCourse.Tests.Fairness.Explanations;

public class ShapleyValuesTests
{
    public ShapleyValuesTests() => Backend.Initialize();

    /// <summary>Brute-force Shapley values from their definition, as an average over all k! orders of
    /// the marginal contribution of each player when it joins: an independent float64 reference.</summary>
    private static double[] ByPermutations(Func<double[], double> f, double[] x, double[] baseline)
    {
        int k = x.Length;
        var phi = new double[k];
        int orders = 0;
        foreach (var order in Permutations(Enumerable.Range(0, k).ToArray()))
        {
            var z = (double[])baseline.Clone();
            double before = f(z);
            foreach (int i in order)
            {
                z[i] = x[i];
                double after = f(z);
                phi[i] += after - before;
                before = after;
            }
            orders++;
        }
        return phi.Select(p => p / orders).ToArray();
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1) { yield return items; yield break; }
        for (int i = 0; i < items.Length; i++)
            foreach (var rest in Permutations(items.Where((_, j) => j != i).ToArray()))
                yield return [items[i], .. rest];
    }

    /// <summary>f(z) = 2 z0 z1 + z2 − 0.5 z1 z2² + 0·z3: interactions and a dummy feature z3.</summary>
    private static double Interacting(double[] z) => 2 * z[0] * z[1] + z[2] - 0.5 * z[1] * z[2] * z[2];

    private static Tensor Interacting(Tensor z) => 2.0 * z[.., 0] * z[.., 1] + z[.., 2] - 0.5 * z[.., 1] * z[.., 2].square();

    [Fact]
    public void LinearModel_ShapleyIsWeightTimesDelta_AndEqualsIntegratedGradients()
    {
        var w = tensor(new double[] { 0.5, -2, 3, 1.5 });
        Func<Tensor, Tensor> f = z => z.matmul(w) + 0.25;
        var x = tensor(new double[] { 1, 2, -1, 0.4 });
        var baseline = tensor(new double[] { 0.2, -0.5, 0.0, 0.4 });
        var shapley = ShapleyValues.Exact(f, x, baseline);
        double[] expected = [0.5 * 0.8, -2 * 2.5, 3 * -1.0, 0];
        Approx.AssertClose(expected, shapley.Attributions, 1e-12, 1e-12, "φ = w(x − x′)");
        var ig = IntegratedGradients.Attribute(f, x, baseline, steps: 5);
        Approx.AssertClose(ig.Attributions, shapley.Attributions, 1e-12, 1e-12, "Shapley = IG for a linear model");
    }

    [Fact]
    public void Interaction_MatchesThePermutationDefinition_AndTheAxioms()
    {
        double[] x = [1.5, -0.8, 2.0, 3.0], b = [0.5, 0.2, -1.0, 0.0];
        var shapley = ShapleyValues.Exact(Interacting, tensor(x), tensor(b));
        var reference = ByPermutations(Interacting, x, b);
        Approx.AssertClose(reference, shapley.Attributions, 1e-12, 1e-12, "vs all 4! orders");
        // Efficiency: they add up to f(x) − f(baseline).
        Approx.AssertClose(Interacting(x) - Interacting(b), shapley.Attributions.Sum(), 1e-12, 1e-12, "efficiency");
        Approx.AssertClose(0, shapley.CompletenessGap, 0, 1e-12, "gap");
        Approx.AssertClose(Interacting(x), shapley.Value, 1e-12, 0, "f(x)");
        Approx.AssertClose(Interacting(b), shapley.BaselineValue, 1e-12, 0, "f(baseline)");
        // Dummy: z3 never changes f.
        Approx.AssertClose(0, shapley.Attributions[3], 0, 1e-12, "dummy");
        // The interaction is split: integrated gradients need not agree with Shapley here.
        var ig = IntegratedGradients.Attribute(Interacting, tensor(x), tensor(b), steps: 512);
        Assert.True(Math.Abs(ig.Attributions[1] - shapley.Attributions[1]) > 0.05, $"IG {ig.Attributions[1]} vs Shapley {shapley.Attributions[1]}");
    }

    [Fact]
    public void Symmetry_InterchangeablePlayersGetTheSame_AndTheProductIsSplitEvenly()
    {
        // f = z0 z1 with z0, z1 symmetric (same value, same baseline): each gets half of f(x) − f(x′).
        Func<Tensor, Tensor> f = z => z[.., 0] * z[.., 1] + z[.., 2];
        var s = ShapleyValues.Exact(f, tensor(new double[] { 2, 2, 1 }), tensor(new double[] { 0.5, 0.5, 0 }));
        Approx.AssertClose(s.Attributions[0], s.Attributions[1], 0, 1e-12, "symmetry");
        Approx.AssertClose((4 - 0.25) / 2, s.Attributions[0], 1e-12, 0, "half the product's change");
        Approx.AssertClose(1, s.Attributions[2], 1e-12, 0, "additive part");
    }

    [Fact]
    public void Blocks_AreSinglePlayers()
    {
        // Blocks (z0, z1) and (z2, z3): two players; by the definition with two players,
        // φ_A = ½[(v(A) − v(∅)) + (v(AB) − v(B))].
        double[] x = [1.5, -0.8, 2.0, 3.0], b = [0.5, 0.2, -1.0, 0.0];
        double V(bool a, bool bb) => Interacting([a ? x[0] : b[0], a ? x[1] : b[1], bb ? x[2] : b[2], bb ? x[3] : b[3]]);
        double phiA = 0.5 * ((V(true, false) - V(false, false)) + (V(true, true) - V(false, true)));
        var s = ShapleyValues.Exact(Interacting, tensor(x), tensor(b), [("first", 2), ("second", 2)]);
        Assert.Equal(2, s.Attributions.Length);
        Approx.AssertClose(phiA, s.Attributions[0], 1e-12, 1e-12, "block A");
        Approx.AssertClose(V(true, true) - V(false, false) - phiA, s.Attributions[1], 1e-12, 1e-12, "block B");
        Assert.Throws<ArgumentException>(() => ShapleyValues.Exact(Interacting, tensor(x), tensor(b), [("all but one", 3)]));
        Assert.Throws<ArgumentException>(() => ShapleyValues.Exact(Interacting, tensor(x), tensor(b), [("empty", 0), ("all", 4)]));
    }

    [Fact]
    public void FloatPredictor_AgreesWithTensorForm()
    {
        float[] x = [1.5f, -0.8f, 2.0f, 3.0f], b = [0.5f, 0.2f, -1.0f, 0.0f];
        float[] Predict(float[][] rows) => [.. rows.Select(r => (float)Interacting(r.Select(v => (double)v).ToArray()))];
        var viaArrays = ShapleyValues.Exact(Predict, x, b);
        var viaTensor = ShapleyValues.Exact(Interacting, tensor(x), tensor(b));
        Approx.AssertClose(viaTensor.Attributions, viaArrays.Attributions, 1e-5, 1e-5, "float rows vs tensor");
    }

    [Fact]
    public void MoreThanMaxPlayers_IsAClearError()
    {
        int k = ShapleyValues.MaxExactPlayers + 1;
        var ex = Assert.Throws<ArgumentException>(() => ShapleyValues.Exact(z => z.sum(1), ones(k), zeros(k)));
        Assert.Contains($"{k} players", ex.Message);
        Assert.Contains("Kernel", ex.Message);
        // The same input grouped into blocks is fine.
        var grouped = ShapleyValues.Exact(z => z.sum(1), ones(k), zeros(k), [("a", 6), ("b", k - 6)]);
        Approx.AssertClose([6, k - 6], grouped.Attributions, 1e-6, 1e-6, "blocks of a sum");
    }

    [Fact]
    public void WrongOutputShape_IsReported()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ShapleyValues.Exact(z => z, ones(3), zeros(3)));
        Assert.Contains("one value per row", ex.Message);
    }

    [Fact]
    public void Kernel_WithEveryCoalition_IsExact()
    {
        // 2^5 − 2 = 30 proper coalitions ≤ 64 samples: KernelSHAP enumerates them and recovers Shapley exactly.
        Func<Tensor, Tensor> f = z => z[.., 0] * z[.., 1] * z[.., 2] + (z[.., 3] - z[.., 4]).exp();
        var x = tensor(new double[] { 1.2, -0.5, 0.8, 0.3, -1.0 });
        var b = tensor(new double[] { 0.1, 0.4, -0.2, 0.0, 0.5 });
        var exact = ShapleyValues.Exact(f, x, b);
        var kernel = ShapleyValues.Kernel(f, x, b, samples: 64);
        Approx.AssertClose(exact.Attributions, kernel.Attributions, 1e-9, 1e-10, "KernelSHAP, all coalitions");
    }

    [Fact]
    public void Kernel_Sampled_ApproachesExact_AndKeepsEfficiency()
    {
        // 10 players, 2^10 − 2 = 1022 coalitions; 400 sampled (200 pairs).
        int k = 10;
        var rng = new Random(3);
        var w = Enumerable.Range(0, k).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        Func<Tensor, Tensor> f = z => z.matmul(tensor(w)) + 0.8 * z[.., 0] * z[.., 1] - 0.5 * (z[.., 2] * z[.., 3] * z[.., 4]);
        var x = tensor(Enumerable.Range(0, k).Select(_ => rng.NextDouble() * 2).ToArray());
        var b = zeros(k, ScalarType.Float64);
        var exact = ShapleyValues.Exact(f, x, b);
        var sampled = ShapleyValues.Kernel(f, x, b, samples: 400, seed: 1);
        Approx.AssertClose(0, sampled.CompletenessGap, 0, 1e-9, "efficiency imposed");
        double scale = exact.Attributions.Max(Math.Abs);
        double worst = exact.Attributions.Zip(sampled.Attributions, (e, s) => Math.Abs(e - s)).Max();
        Assert.True(worst < 0.1 * scale, $"largest error {worst} vs largest |φ| {scale}");
        // Seeded: the same seed gives the same estimate, another seed a different one.
        Approx.AssertClose(sampled.Attributions, ShapleyValues.Kernel(f, x, b, samples: 400, seed: 1).Attributions, 0, 0, "same seed");
        Assert.NotEqual(sampled.Attributions[0], ShapleyValues.Kernel(f, x, b, samples: 400, seed: 2).Attributions[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ShapleyValues.Kernel(f, x, b, samples: 2 * k - 1));
    }
}
