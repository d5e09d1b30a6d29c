using RecCourse.Fairness.Explanations;
using RecCourse.Models;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Fairness.Explanations;

public class HybridMlpExplanationsTests
{
    private static HybridMlp Model()
    {
        var rng = new Random(5);
        var itemFeatures = Enumerable.Range(0, 12 * 3).Select(k => k % 4 == 0 ? 1f : 0f).ToArray();
        var userFeatures = Enumerable.Range(0, 10 * 2).Select(k => (k % 7) / 7f).ToArray();
        var options = new HybridMlpOptions { UserDim = 4, ItemDim = 4, Hidden = [8], Dropout = [0.3f] };
        return new HybridMlp(10, 12, rng, dropoutSeed: 1, options, itemFeatures, 3, userFeatures, 2);
    }

    [Fact]
    public void Gradient_ValueAtInputRow_IsThePrediction()
    {
        var model = Model();
        var f = HybridMlpExplanations.Gradient(model);
        var (value, _) = f(HybridMlpExplanations.InputRow(model, 3, 7));
        Approx.AssertClose(model.Predict(3, 7), value, 1e-5, 1e-6, "f(row) vs Predict");
    }

    [Fact]
    public void Explain_IsComplete_AndBlocksAddUp()
    {
        var model = Model();
        var baseline = HybridMlpExplanations.MeanInputRow(model, [(0, 0), (1, 5), (2, 9), (4, 11)]);
        // Each ReLU kink crossed on the path makes the trapezoid error O(1/m) and erratic rather than O(1/m²):
        // ReLU nets with large embedding inputs need thousands of steps for a 1e-3 completeness gap.
        var a = HybridMlpExplanations.Explain(model, 3, 7, baseline, steps: 4096);
        Approx.AssertClose(model.Predict(3, 7), a.Value, 1e-5, 1e-6, "f(x)");
        Approx.AssertClose(a.Value - a.BaselineValue, a.Attributions.Sum(), 1e-3, 1e-4, "completeness");
        var blocks = HybridMlpExplanations.SumBlocks(a.Attributions, [("user emb", 4), ("item emb", 4), ("genres", 3), ("age", 1), ("gender", 1)]);
        Approx.AssertClose(a.Attributions.Sum(), blocks.Sum(b => b.Attribution), 1e-9, 1e-12, "blocks");
        Assert.Throws<ArgumentException>(() => HybridMlpExplanations.SumBlocks(a.Attributions, [("all", 5)]));
    }

    [Fact]
    public void PredictRows_MatchesPredict_AndFeedsPermutationImportance()
    {
        var model = Model();
        int[] users = [0, 3, 5, 9], items = [1, 7, 2, 11];
        var rows = HybridMlpExplanations.InputRows(model, users, items);
        var predicted = HybridMlpExplanations.PredictRows(model)(rows);
        for (int k = 0; k < users.Length; k++) Approx.AssertClose(model.Predict(users[k], items[k]), predicted[k], 1e-5, 1e-6, $"pair {k}");
        var targets = predicted.ToArray();
        var importance = PermutationImportance.ComputeBlocks(HybridMlpExplanations.PredictRows(model), rows, targets,
            [("user emb", 4), ("item emb", 4), ("genres", 3), ("user features", 2)], repeats: 2);
        Assert.Equal(4, importance.Count);
        Assert.All(importance, f => Approx.AssertClose(0, f.BaselineRmse, 0, 1e-6, "targets are the model's own predictions"));
    }
}
