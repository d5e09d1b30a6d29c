using System.Diagnostics;
using RecCourse.Data;
using RecCourse.Nn;
using RecCourse.Optim;
using RecCourse.Tensors;
using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>
/// Trains a <see cref="FactorModel"/> from implicit interactions by SGD on (user, positive,
/// negative) triples with BPR or a margin loss, on the kit's engine (<see cref="Ops.Gather"/>,
/// <see cref="Ops.RowDot"/>, <see cref="Losses.Bpr"/> / <see cref="Losses.MarginRanking"/>,
/// <see cref="Sgd"/>). Every row of <c>interactions</c> is a positive (its value is ignored);
/// negatives are items the user never interacted with, drawn uniformly or by popularity.
/// </summary>
/// <remarks>
/// The loss of a mini-batch is the <i>sum</i> of its per-triple losses, so that
/// <see cref="PairwiseOptions.LearningRate"/> keeps its per-triple meaning, and the L2 terms are the
/// weight decay of a lazy <see cref="Sgd"/>, which shrinks only the rows the batch looked up (once per
/// step). Classic per-triple BPR-SGD is the special case <see cref="PairwiseOptions.BatchSize"/> = 1.
/// </remarks>
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

        var rng = new Random(options.Seed);
        var model = FactorModel.Initialised(numUsers, numItems, options.Dimensions, options.InitStd, rng);
        var sampler = new NegativeSampler(seen, options.Sampling, options.PopularityExponent, options.Seed);
        var (users, items, bias) = model.AsTrainable(options.ItemBias);
        // Lazy SGD with weight decay shrinks only the rows of the batch, as per-triple L2 does.
        var optimizer = new Sgd([users, items], options.LearningRate, weightDecay: options.Regularization, lazy: true);
        var biasOptimizer = options.ItemBias ? new Sgd([bias], options.LearningRate, weightDecay: options.BiasRegularization, lazy: true) : null;

        int perPositive = options.NegativesPerPositive;
        int capacity = options.BatchSize * perPositive;
        var batchUsers = new int[capacity]; var batchPos = new int[capacity]; var batchNeg = new int[capacity];
        var order = Enumerable.Range(0, interactions.Count).ToArray();
        var arena = new TensorArena();
        var history = new List<EpochRecord>();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            double total = 0;
            using (arena.Activate())
            {
                for (int start = 0; start < order.Length; start += options.BatchSize)
                {
                    int n = 0;
                    for (int k = start; k < Math.Min(start + options.BatchSize, order.Length); k++)
                    {
                        int u = interactions.Users[order[k]], i = interactions.Items[order[k]];
                        for (int s = 0; s < perPositive; s++, n++) { batchUsers[n] = u; batchPos[n] = i; batchNeg[n] = sampler.Sample(u); }
                    }
                    ReadOnlySpan<int> bu = batchUsers.AsSpan(0, n), bi = batchPos.AsSpan(0, n), bj = batchNeg.AsSpan(0, n);

                    optimizer.ZeroGrad(); biasOptimizer?.ZeroGrad();
                    Tensor p = Ops.Gather(users, bu), qi = Ops.Gather(items, bi), qj = Ops.Gather(items, bj);
                    Tensor pos = Ops.RowDot(p, qi), neg = Ops.RowDot(p, qj);
                    if (options.ItemBias)
                    {
                        pos = Ops.Add(pos, Ops.Flatten(Ops.Gather(bias, bi)));
                        neg = Ops.Add(neg, Ops.Flatten(Ops.Gather(bias, bj)));
                    }
                    var mean = options.Loss == PairwiseLoss.Bpr ? Losses.Bpr(pos, neg) : Losses.MarginRanking(pos, neg, options.Margin);
                    total += (double)mean.Item() * n;
                    Ops.Scale(mean, n).Backward();
                    optimizer.Step(); biasOptimizer?.Step();
                    arena.Reset();
                }
            }
            sw.Stop();
            var rec = new EpochRecord(epoch, total / ((double)order.Length * perPositive),
                validate?.Invoke(model) ?? double.NaN, sw.Elapsed.TotalSeconds);
            history.Add(rec);
            onEpoch?.Invoke(rec);
            optimizer.LearningRate *= options.LearningRateDecay;
            if (biasOptimizer is not null) biasOptimizer.LearningRate = optimizer.LearningRate;
        }
        return new FactorResult(model, history);
    }
}
