using RecCourse.Models;
using RecCourse.Nn;
using RecCourse.Tensors;
using RecCourse.Tests.Tensors;

namespace RecCourse.Tests.Models;

/// <summary>
/// Whole-model gradient checks: each model's training loss against a float64 re-implementation of
/// the same model, differentiated by central differences (method in <see cref="GradCheck"/>).
/// </summary>
public class ModelGradientTests
{
    [Fact]
    public void DotProductBias_mse_loss()
    {
        var m = new DotProductBias(4, 5, 3, new Random(1), initStd: 0.5f);
        foreach (var b in new[] { m.UserBias.Weight, m.ItemBias.Weight }) for (int k = 0; k < b.Length; k++) b.Data[k] = 0.1f * k;
        int[] u = [0, 3, 3, 1]; int[] i = [4, 0, 2, 2];
        float[] r = [4f, 2f, 5f, 3f];
        var ps = m.Parameters().ToArray(); // U, V, bu, bi
        GradCheck.Check(ps, _ => Losses.Mse(m.Forward(u, i), r), x =>
        {
            double s = 0;
            for (int k = 0; k < 4; k++)
            {
                double z = Enumerable.Range(0, 3).Sum(j => x[0][u[k] * 3 + j] * x[1][i[k] * 3 + j]) + x[2][u[k]] + x[3][i[k]];
                double e = 5.5 * GradCheck.Sigmoid(z) - r[k];
                s += e * e;
            }
            return [s / 4];
        });
    }

    [Fact]
    public void HybridMlp_mse_loss_without_dropout()
    {
        float[] itemFeat = [1, 0, 0, 1, 1, 1];      // 3 items × 2
        float[] userFeat = [0.2f, 0.5f, 0.9f];       // 3 users × 1
        var m = new HybridMlp(3, 3, new Random(3), 1, new HybridMlpOptions { UserDim = 2, ItemDim = 2, CategoryDim = 2, Hidden = [4], Dropout = [0f], EmbeddingStd = 0.5f },
            itemFeat, 2, userFeat, 1, [1, 0, 1], 2);
        int[] u = [0, 2, 1]; int[] i = [1, 1, 2];
        float[] r = [3f, 4f, 1f];
        var ps = m.Parameters().ToArray(); // U, V, O, W1, b1, W2, b2
        int width = m.InputWidth; // 2 + 2 + 2 + 1 + 2 = 9
        int[] category = [1, 0, 1];
        GradCheck.Check(ps, _ => Losses.Mse(m.Forward(u, i), r), x =>
        {
            double s = 0;
            for (int k = 0; k < 3; k++)
            {
                var f = new List<double>();
                f.AddRange(x[0].Skip(u[k] * 2).Take(2));
                f.AddRange(x[1].Skip(i[k] * 2).Take(2));
                f.AddRange(itemFeat.Skip(i[k] * 2).Take(2).Select(v => (double)v));
                f.Add(userFeat[u[k]]);
                f.AddRange(x[2].Skip(category[u[k]] * 2).Take(2));
                var h = Enumerable.Range(0, 4).Select(o => Math.Max(0, x[4][o] + Enumerable.Range(0, width).Sum(j => x[3][o * width + j] * f[j]))).ToArray();
                double z = x[6][0] + Enumerable.Range(0, 4).Sum(j => x[5][j] * h[j]);
                double e = 5.5 * GradCheck.Sigmoid(z) - r[k];
                s += e * e;
            }
            return [s / 3];
        });
    }

    [Fact]
    public void TwoTower_sampled_softmax_loss()
    {
        var m = new TwoTowerSoftmax(3, 6, 2, new Random(5), initStd: 0.7f);
        int[] users = [1, 2, 0]; int[] pos = [5, 0, 3]; int[] neg = [0, 2, 4, 0];
        GradCheck.Check(m.Parameters().ToArray(), _ => m.SampledSoftmaxLoss(users, pos, neg), x =>
        {
            double Dot(int uu, int ii) => x[0][uu * 2] * x[1][ii * 2] + x[0][uu * 2 + 1] * x[1][ii * 2 + 1];
            double loss = 0;
            for (int r = 0; r < 3; r++)
            {
                var logits = new List<double> { Dot(users[r], pos[r]) };
                logits.AddRange(neg.Where(n => n != pos[r]).Select(n => Dot(users[r], n)));
                loss += Math.Log(logits.Sum(Math.Exp)) - logits[0];
            }
            return [loss / 3];
        });
    }
}
