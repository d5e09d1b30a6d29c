using RecCourse.Models;
using RecCourse.Tensors;
using RecCourse.Tests.Tensors;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Models;

public class DeepModelTests
{
    [Fact]
    public void Fused_DotBias_matches_float64_reference_and_gradients()
    {
        var rng = new Random(4);
        var uf = GradCheck.Input(rng, -1, 1, 5, 3); var vf = GradCheck.Input(rng, -1, 1, 4, 3);
        var ub = GradCheck.Input(rng, -1, 1, 5, 1); var vb = GradCheck.Input(rng, -1, 1, 4, 1);
        int[] users = [0, 4, 4, 2]; int[] items = [3, 3, 0, 1];
        GradCheck.Check([uf, vf, ub, vb], t => Ops.DotBias(t[0], t[1], t[2], t[3], users, items), x =>
            users.Select((u, k) => Enumerable.Range(0, 3).Sum(j => x[0][u * 3 + j] * x[1][items[k] * 3 + j]) + x[2][u] + x[3][items[k]]).ToArray());
        Assert.Equal(new[] { 0, 4, 2 }, uf.TouchedRows!.AsSpan().ToArray());
    }

    [Fact]
    public void DotProductBias_predictions_agree_and_stay_in_range()
    {
        var m = new DotProductBias(6, 7, 4, new Random(1), initStd: 2f);
        int[] u = [0, 5, 3]; int[] i = [6, 0, 2];
        Tensor y;
        using (Autograd.NoGrad()) y = m.Forward(u, i);
        for (int k = 0; k < 3; k++) Approx.AssertClose(m.Predict(u[k], i[k]), y.Data[k], 1e-6, 1e-6);
        Assert.All(y.Data, v => Assert.InRange(v, 0f, 5.5f));
        var scores = new float[7];
        m.ScoreItems(5, scores);
        Approx.AssertClose(m.Predict(5, 3), scores[3], 1e-6, 1e-6);
    }

    [Fact]
    public void TwoTower_full_softmax_loss_and_gradients_match_float64()
    {
        var m = new TwoTowerSoftmax(3, 5, 2, new Random(2), initStd: 0.5f);
        int[] users = [2, 0]; int[] pos = [4, 1];
        var U = m.UserEmbedding.Weight; var V = m.ItemEmbedding.Weight;
        GradCheck.Check([U, V], _ => m.FullSoftmaxLoss(users, pos), x =>
        {
            double loss = 0;
            for (int r = 0; r < 2; r++)
            {
                var logits = Enumerable.Range(0, 5).Select(j => x[0][users[r] * 2] * x[1][j * 2] + x[0][users[r] * 2 + 1] * x[1][j * 2 + 1]).ToArray();
                loss += Math.Log(logits.Sum(Math.Exp)) - logits[pos[r]];
            }
            return [loss / 2];
        });
        var scores = new float[15];
        m.ScoreAll(scores);
        Approx.AssertClose(m.Predict(1, 3), scores[1 * 5 + 3], 1e-6, 1e-6);
        var row = new float[5];
        m.ScoreItems(1, row);
        Approx.AssertClose(scores.AsSpan(5, 5).ToArray().Select(v => (double)v).ToArray(), row, 1e-6, 1e-6);
    }

    [Fact]
    public void HybridMlp_input_row_is_the_documented_concatenation()
    {
        float[] itemFeat = Enumerable.Range(0, 4 * 2).Select(v => (float)v).ToArray();
        float[] userFeat = Enumerable.Range(0, 3).Select(v => 10f + v).ToArray();
        var m = new HybridMlp(3, 4, new Random(1), 1, new HybridMlpOptions { UserDim = 2, ItemDim = 2, CategoryDim = 1, Hidden = [4], Dropout = [0f] },
            itemFeat, 2, userFeat, 1, [0, 1, 0], 2);
        Assert.Equal(2 + 2 + 2 + 1 + 1, m.InputWidth);
        var f = m.Features([2], [3]);
        Assert.Equal(m.UserEmbedding.Weight[2, 1], f[0, 1]);
        Assert.Equal(m.ItemEmbedding.Weight[3, 0], f[0, 2]);
        Assert.Equal(7f, f[0, 5]);
        Assert.Equal(12f, f[0, 6]);
        Assert.Equal(m.CategoryEmbedding!.Weight[0, 0], f[0, 7]);
        Assert.Throws<ArgumentException>(() => new HybridMlp(3, 4, new Random(1), 1, userCategory: [0, 5, 0], categoryCount: 2));
    }
}
