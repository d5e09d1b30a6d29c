using RecCourse.Nn;
using RecCourse.Tensors;
using RecCourse.Tests.Tensors;

namespace RecCourse.Tests.Nn;

/// <summary>Every loss against a float64 reference (method in <see cref="GradCheck"/>).</summary>
public class LossGradientTests
{
    private static readonly Random Rng = new(11);

    private static Tensor In(double lo, double hi, params int[] shape) => GradCheck.Input(Rng, lo, hi, shape);

    private static float[] Targets(int n, double lo, double hi) => Enumerable.Range(0, n).Select(_ => (float)(lo + (hi - lo) * Rng.NextDouble())).ToArray();

    [Fact]
    public void Mse_and_Mae()
    {
        var p = In(1, 5, 8); var t = Targets(8, 1, 5);
        GradCheck.Check([p], x => Losses.Mse(x[0], t), x => [x[0].Select((v, i) => (v - t[i]) * (v - t[i])).Average()]);
        GradCheck.Check([p], x => Losses.Mae(x[0], t), x => [x[0].Select((v, i) => Math.Abs(v - t[i])).Average()]);
    }

    [Fact]
    public void Bce_with_logits_is_stable_for_large_logits()
    {
        var p = In(-4, 4, 9); p.Data[0] = 30f; p.Data[1] = -30f;
        var t = Targets(9, 0, 1);
        GradCheck.Check([p], x => Losses.BceWithLogits(x[0], t), x =>
            // −[t·log σ(v) + (1−t)·log(1−σ(v))] with log σ(v) = −softplus(−v), log(1−σ(v)) = −softplus(v).
            [x[0].Select((v, i) => t[i] * Softplus(-v) + (1 - t[i]) * Softplus(v)).Average()]);
    }

    private static double Softplus(double v) => v > 0 ? v + Math.Log(1 + Math.Exp(-v)) : Math.Log(1 + Math.Exp(v));

    [Fact]
    public void CrossEntropy_matches_log_softmax_nll()
    {
        var logits = In(-3, 3, 5, 7);
        int[] y = [0, 6, 3, 3, 1];
        GradCheck.Check([logits], x => Losses.CrossEntropy(x[0], y), x =>
        {
            double s = 0;
            for (int r = 0; r < 5; r++)
            {
                var row = x[0].Skip(r * 7).Take(7).ToArray();
                s += Math.Log(row.Sum(Math.Exp)) - row[y[r]];
            }
            return [s / 5];
        });
        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.CrossEntropy(logits, [0, 7, 0, 0, 0]));
    }

    [Fact]
    public void Sampled_softmax_masks_accidental_hits()
    {
        int b = 4, s = 5, d = 3;
        var q = In(-1, 1, b, d); var pos = In(-1, 1, b, d); var neg = In(-1, 1, s, d);
        int[] posIds = [10, 11, 12, 13];
        int[] negIds = [11, 20, 21, 10, 22]; // rows 0 and 1 each have one accidental hit
        GradCheck.Check([q, pos, neg], x => Losses.SampledSoftmax(x[0], x[1], x[2], posIds, negIds), x =>
        {
            double loss = 0;
            for (int r = 0; r < b; r++)
            {
                double Dot(double[] u, int ur, double[] v, int vr) => Enumerable.Range(0, d).Sum(j => u[ur * d + j] * v[vr * d + j]);
                var logits = new List<double> { Dot(x[0], r, x[1], r) };
                for (int j = 0; j < s; j++) if (negIds[j] != posIds[r]) logits.Add(Dot(x[0], r, x[2], j));
                double m = logits.Max();
                loss += m + Math.Log(logits.Sum(l => Math.Exp(l - m))) - logits[0];
            }
            return [loss / b];
        });
    }

    [Fact]
    public void Margin_ranking_and_bpr()
    {
        var pos = In(-2, 2, 7); var neg = In(-2, 2, 7);
        // keep margin − pos + neg away from the hinge's kink.
        for (int i = 0; i < 7; i++) if (Math.Abs(1 - pos.Data[i] + neg.Data[i]) < 0.05) neg.Data[i] += 0.2f;
        GradCheck.Check([pos, neg], x => Losses.MarginRanking(x[0], x[1], 1f), x => [x[0].Select((p, i) => Math.Max(0, 1 - p + x[1][i])).Average()]);
        GradCheck.Check([pos, neg], x => Losses.Bpr(x[0], x[1]), x => [x[0].Select((p, i) => -Math.Log(GradCheck.Sigmoid(p - x[1][i]))).Average()]);
    }

    [Fact]
    public void L2_penalty_sums_squares_of_all_tensors()
    {
        var a = In(-1, 1, 3, 2); var b = In(-1, 1, 4);
        GradCheck.Check([a, b], x => Losses.L2(x[0], x[1]), x => [x[0].Sum(v => v * v) + x[1].Sum(v => v * v)]);
    }
}
