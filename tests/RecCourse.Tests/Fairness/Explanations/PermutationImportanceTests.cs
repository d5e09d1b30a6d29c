using RecCourse.Fairness.Explanations;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Fairness.Explanations;

public class PermutationImportanceTests
{
    private static (float[][] X, float[] Y) Data(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new float[n][]; var y = new float[n];
        for (int r = 0; r < n; r++)
        {
            x[r] = [(float)rng.NextDouble(), (float)rng.NextDouble(), (float)rng.NextDouble()];
            y[r] = 3 * x[r][0] + 0.5f * x[r][1];
        }
        return (x, y);
    }

    private static float[] Model(float[][] rows) => rows.Select(r => 3 * r[0] + 0.5f * r[1]).ToArray();

    [Fact]
    public void RanksFeaturesByTheirWeight_UnusedFeatureIsZero()
    {
        var (x, y) = Data(2000, 1);
        var imp = PermutationImportance.Compute(Model, x, y, ["strong", "weak", "unused"], repeats: 5, seed: 7);
        Assert.Equal(["strong", "weak", "unused"], imp.Select(f => f.Feature));
        Approx.AssertClose(0, imp[0].BaselineRmse, 0, 1e-6, "perfect model");
        Approx.AssertClose(0, imp[2].RmseIncrease, 0, 1e-9, "unused feature");
        // Shuffling a U(0,1) column with weight a adds error a·(X − X′), RMSE a·√(1/6).
        Approx.AssertClose(3 * Math.Sqrt(1.0 / 6), imp[0].RmseIncrease, 0.05, 0, "strong");
        Approx.AssertClose(0.5 * Math.Sqrt(1.0 / 6), imp[1].RmseIncrease, 0.05, 0, "weak");
        Assert.True(imp[0].Std > 0);
    }

    [Fact]
    public void SameSeed_SameResult_AndInputUntouched()
    {
        var (x, y) = Data(200, 2);
        var copy = x.Select(r => (float[])r.Clone()).ToArray();
        var a = PermutationImportance.Compute(Model, x, y, seed: 3);
        var b = PermutationImportance.Compute(Model, x, y, seed: 3);
        for (int i = 0; i < a.Count; i++) Approx.AssertClose(a[i].RmseIncrease, b[i].RmseIncrease, 0, 0);
        for (int r = 0; r < x.Length; r++) Assert.Equal(copy[r], x[r]);
    }

    [Fact]
    public void ComputeBlocks_ShufflesBlocksJointly()
    {
        // y = x0 − x1 with x1 ≈ x0: shuffled together the pair still cancels, so the joint block stays
        // nearly harmless; this is what per-column shuffling cannot show.
        var rng = new Random(4);
        int n = 1000;
        var x = new float[n][]; var y = new float[n];
        for (int r = 0; r < n; r++)
        {
            float a = (float)rng.NextDouble();
            x[r] = [a, a + 0.01f * (float)rng.NextDouble(), (float)rng.NextDouble()];
            y[r] = x[r][0] - x[r][1] + 2 * x[r][2];
        }
        static float[] M(float[][] rows) => rows.Select(r => r[0] - r[1] + 2 * r[2]).ToArray();
        var blocks = PermutationImportance.ComputeBlocks(M, x, y, [("pair", 2), ("z", 1)], repeats: 3, seed: 1);
        var single = PermutationImportance.Compute(M, x, y, ["a", "b", "z"], repeats: 3, seed: 1);
        double pair = blocks.Single(b => b.Feature == "pair").RmseIncrease;
        Assert.True(pair < 0.02, $"joint pair {pair}");
        Assert.True(single.Single(f => f.Feature == "a").RmseIncrease > 0.3, "each column alone matters");
        Approx.AssertClose(2 * Math.Sqrt(1.0 / 6), blocks.Single(b => b.Feature == "z").RmseIncrease, 0.1, 0, "z");
        Assert.Throws<ArgumentException>(() => PermutationImportance.ComputeBlocks(M, x, y, [("pair", 2)]));
    }

    [Fact]
    public void WrongNameCount_Throws()
    {
        var (x, y) = Data(10, 3);
        Assert.Throws<ArgumentException>(() => PermutationImportance.Compute(Model, x, y, ["a"]));
    }
}
