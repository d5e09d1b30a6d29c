using System.Diagnostics;
using System.Numerics.Tensors;
using RecCourse.Data;

using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>
/// Trains a <see cref="FactorModel"/> from implicit interactions by SGD on (user, positive,
/// negative) triples with BPR or a margin loss. Every row of <c>interactions</c> is a positive (its
/// value is ignored); negatives are items the user never interacted with, drawn uniformly or by
/// popularity.
/// </summary>
public static class PairwiseTrainer
{
    /// <param name="validate">Optional metric computed after each epoch (e.g. a held-out AUC).</param>
    /// <param name="onEpoch">Called after each epoch.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">A user has interacted with every item (no negative exists).</exception>
    public static FactorResult Fit(RatingTable interactions, int numUsers, int numItems, PairwiseOptions options,
        Func<FactorModel, double>? validate = null, Action<EpochRecord>? onEpoch = null)
    {
        options.Validate();
        if (interactions.Count == 0) throw new ArgumentException("no interactions", nameof(interactions));
        var seen = UserItemIndex.Build(interactions, numUsers, numItems);

        int d = options.Dimensions;
        var model = new FactorModel(numUsers, numItems, d);
        var rng = new Random(options.Seed);
        MatrixFactorizationTrainer.Gaussian(rng, model.UserFactors, options.InitStd);
        MatrixFactorizationTrainer.Gaussian(rng, model.ItemFactors, options.InitStd);
        var sampler = new NegativeSampler(seen, options.Sampling, options.PopularityExponent, options.Seed);

        var order = Enumerable.Range(0, interactions.Count).ToArray();
        var pCopy = new float[d]; var diff = new float[d];
        var history = new List<EpochRecord>();
        float lr = options.LearningRate, lam = options.Regularization, lamB = options.BiasRegularization;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            double total = 0;
            foreach (int k in order)
            {
                int u = interactions.Users[k], i = interactions.Items[k];
                for (int n = 0; n < options.NegativesPerPositive; n++)
                {
                    int j = sampler.Sample(u);
                    Span<float> p = model.UserRow(u), qi = model.ItemRow(i), qj = model.ItemRow(j);
                    TensorPrimitives.Subtract(qi, qj, diff);
                    float x = model.ItemBias[i] - model.ItemBias[j] + TensorPrimitives.Dot<float>(p, diff);
                    // g = −dLoss/dx: how hard to push the pair apart.
                    float g;
                    if (options.Loss == PairwiseLoss.Bpr)
                    {
                        g = MatrixFactorizationModel.Sigmoid(-x);
                        total += x > 0 ? Math.Log(1 + Math.Exp(-x)) : -x + Math.Log(1 + Math.Exp(x));
                    }
                    else
                    {
                        float h = options.Margin - x;
                        g = h > 0 ? 1f : 0f;
                        total += Math.Max(0f, h);
                    }
                    if (options.ItemBias)
                    {
                        model.ItemBias[i] += lr * (g - lamB * model.ItemBias[i]);
                        model.ItemBias[j] += lr * (-g - lamB * model.ItemBias[j]);
                    }
                    p.CopyTo(pCopy);
                    // p += lr(g(q_i − q_j) − λp); q_i += lr(g p − λq_i); q_j += lr(−g p − λq_j)
                    TensorPrimitives.Multiply(p, 1 - lr * lam, p);
                    TensorPrimitives.MultiplyAdd(diff, lr * g, (ReadOnlySpan<float>)p, p);
                    TensorPrimitives.Multiply(qi, 1 - lr * lam, qi);
                    TensorPrimitives.MultiplyAdd(pCopy, lr * g, (ReadOnlySpan<float>)qi, qi);
                    TensorPrimitives.Multiply(qj, 1 - lr * lam, qj);
                    TensorPrimitives.MultiplyAdd(pCopy, -lr * g, (ReadOnlySpan<float>)qj, qj);
                }
            }
            sw.Stop();
            var rec = new EpochRecord(epoch, total / ((double)order.Length * options.NegativesPerPositive),
                validate?.Invoke(model) ?? double.NaN, sw.Elapsed.TotalSeconds);
            history.Add(rec);
            onEpoch?.Invoke(rec);
            lr *= options.LearningRateDecay;
        }
        return new FactorResult(model, history);
    }
}
