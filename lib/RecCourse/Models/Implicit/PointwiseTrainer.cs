using System.Diagnostics;
using RecCourse.Data;
using RecCourse.Nn;
using RecCourse.Optim;
using RecCourse.Tensors;
using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>
/// The lectures-labs implicit model: a user and an item embedding, score σ(b_i + p_u·q_i), trained by
/// SGD on binary cross-entropy (<see cref="Losses.BceWithLogits"/> on the kit's engine) with every
/// interaction a 1 and sampled non-interactions 0s. The returned <see cref="FactorModel"/> scores
/// logits (apply σ for probabilities).
/// </summary>
/// <remarks>
/// A mini-batch's loss is the <i>sum</i> of its per-example losses, so
/// <see cref="PointwiseOptions.LearningRate"/> keeps its per-example SGD meaning; the L2 term is the
/// weight decay of a lazy <see cref="Sgd"/>, which shrinks only the rows the batch looked up.
/// </remarks>
public static class PointwiseTrainer
{
    public static FactorResult Fit(RatingTable interactions, int numUsers, int numItems, PointwiseOptions options,
        Func<FactorModel, double>? validate = null, Action<EpochRecord>? onEpoch = null)
    {
        options.Validate();
        if (interactions.Count == 0) throw new ArgumentException("no interactions", nameof(interactions));
        var seen = UserItemIndex.Build(interactions, numUsers, numItems);
        var sampler = options.NegativesPerPositive > 0 ? new NegativeSampler(seen, options.Sampling, 0.75, options.Seed) : null;
        var rng = new Random(options.Seed);
        var model = FactorModel.Initialised(numUsers, numItems, options.Dimensions, options.InitStd, rng);
        var (users, items, bias) = model.AsTrainable(options.ItemBias);
        // Lazy SGD with weight decay shrinks only the rows of the batch, as per-example L2 does; the bias is not regularised.
        var optimizer = new Sgd([users, items], options.LearningRate, weightDecay: options.Regularization, lazy: true);
        var biasOptimizer = options.ItemBias ? new Sgd([bias], options.LearningRate, lazy: true) : null;

        int perPositive = 1 + options.NegativesPerPositive;
        int capacity = options.BatchSize * perPositive;
        var batchUsers = new int[capacity]; var batchItems = new int[capacity]; var labels = new float[capacity];
        var order = Enumerable.Range(0, interactions.Count).ToArray();
        var arena = new TensorArena();
        var history = new List<EpochRecord>();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            double total = 0; long count = 0;
            using (arena.Activate())
            {
                for (int start = 0; start < order.Length; start += options.BatchSize)
                {
                    int n = 0;
                    for (int k = start; k < Math.Min(start + options.BatchSize, order.Length); k++)
                    {
                        int u = interactions.Users[order[k]];
                        for (int s = 0; s < perPositive; s++, n++)
                        {
                            batchUsers[n] = u;
                            batchItems[n] = s == 0 ? interactions.Items[order[k]] : sampler!.Sample(u);
                            labels[n] = s == 0 ? 1f : 0f;
                        }
                    }
                    ReadOnlySpan<int> bu = batchUsers.AsSpan(0, n), bi = batchItems.AsSpan(0, n);

                    optimizer.ZeroGrad(); biasOptimizer?.ZeroGrad();
                    Tensor p = Ops.Gather(users, bu), q = Ops.Gather(items, bi);
                    var logits = Ops.RowDot(p, q);
                    if (options.ItemBias) logits = Ops.Add(logits, Ops.Flatten(Ops.Gather(bias, bi)));
                    var mean = Losses.BceWithLogits(logits, labels.AsSpan(0, n));
                    total += (double)mean.Item() * n; count += n;
                    Ops.Scale(mean, n).Backward();
                    optimizer.Step(); biasOptimizer?.Step();
                    arena.Reset();
                }
            }
            sw.Stop();
            var rec = new EpochRecord(epoch, total / count, validate?.Invoke(model) ?? double.NaN, sw.Elapsed.TotalSeconds);
            history.Add(rec);
            onEpoch?.Invoke(rec);
        }
        return new FactorResult(model, history);
    }
}
