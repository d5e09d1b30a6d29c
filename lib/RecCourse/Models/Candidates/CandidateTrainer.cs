using System.Diagnostics;
using System.Runtime.InteropServices;
using RecCourse.Data;
using RecCourse.Nn;
using RecCourse.Optim;
using RecCourse.Tensors;
using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>
/// Trains <see cref="CandidateModel"/> as extreme multiclass classification: for each training
/// positive (u, i), predict i among all items from ψ(u's other positives, demographics) with a
/// full or sampled softmax (see <see cref="SoftmaxSampling"/>), Adam on mini-batches.
/// </summary>
/// <remarks>
/// Runs on the kit's engine: the history mean is <see cref="Ops.GatherMean"/>, the tower an engine
/// <see cref="Sequential"/>, the loss <see cref="Losses.CrossEntropy"/> over [batch × candidates]
/// logits (every item for the full softmax; the positive in column 0 then the negatives otherwise),
/// with the log-Q correction and the accidental-hit mask added as a constant. The tables use a lazy
/// <see cref="Adam"/> (only looked-up rows move), the tower a dense one.
/// </remarks>
public static class CandidateTrainer
{
    /// <param name="positives">Training positives (values ignored), e.g. ratings ≥ 4.</param>
    /// <param name="demographics">Age, gender, occupation source; required when <see cref="CandidateOptions.UseDemographics"/>.</param>
    /// <param name="validate">Optional metric after each epoch (e.g. held-out hit rate).</param>
    public static CandidateResult Fit(RatingTable positives, int numUsers, int numItems, HybridFeatures? demographics,
        CandidateOptions options, Func<CandidateModel, double>? validate = null, Action<EpochRecord>? onEpoch = null)
    {
        options.Validate();
        if (positives.Count == 0) throw new ArgumentException("no positives", nameof(positives));
        if (options.UseDemographics && demographics is null)
            throw new ArgumentException("UseDemographics is on but no demographics were given", nameof(demographics));
        if (demographics is not null && (demographics.NumUsers != numUsers || demographics.NumItems != numItems))
            throw new ArgumentException($"demographics cover {demographics.NumUsers} users × {demographics.NumItems} items, expected {numUsers} × {numItems}", nameof(demographics));
        var sets = UserItemIndex.Build(positives, numUsers, numItems);
        var histories = Enumerable.Range(0, numUsers).Select(u => sets.ItemsOf(u).ToArray()).ToArray();
        // For causal training: each user's rows in time order (ties by item) and each row's position.
        var timeline = Enumerable.Range(0, numUsers).Select(_ => new List<int>()).ToArray();
        for (int r = 0; r < positives.Count; r++) timeline[positives.Users[r]].Add(r);
        var sequence = new int[numUsers][];
        var position = new int[positives.Count];
        for (int u = 0; u < numUsers; u++)
        {
            var rows = timeline[u];
            rows.Sort((a, b) => positives.Timestamps[a] != positives.Timestamps[b]
                ? positives.Timestamps[a].CompareTo(positives.Timestamps[b]) : positives.Items[a].CompareTo(positives.Items[b]));
            sequence[u] = rows.Select(r => positives.Items[r]).ToArray();
            for (int k = 0; k < rows.Count; k++) position[rows[k]] = k;
        }

        var rng = new Random(options.Seed);
        var model = new CandidateModel(numUsers, numItems, histories, options.UseDemographics ? demographics : null, options, rng);
        // Shared negatives come from the data layer's sampler: uniform, or ∝ training positives per item.
        var sampler = new NegativeSampler(sets, options.Sampling == SoftmaxSampling.Popularity ? NegativeSampling.Popularity : NegativeSampling.Uniform,
            popularityExponent: 1.0, seed: options.Seed);
        double[] proposalForCorrection = options.Sampling == SoftmaxSampling.Popularity && options.LogQCorrection
            ? Enumerable.Range(0, numItems).Select(sampler.Probability).ToArray() : [];

        var tables = new[] { model.HistoryEmbedding, model.ItemEmbedding, model.ItemBias, model.OccupationEmbedding };
        // Lazy Adam on the tables: only the rows a batch looked up move, as in a sparse embedding optimizer.
        var tableOptimizer = new Adam(tables, options.LearningRate, lazy: true);
        var towerOptimizer = new Adam(model.Tower.Parameters(), options.LearningRate);

        int n = options.NumNegatives, cap = options.BatchSize, width = n + 1;
        var bag = new List<int>();
        var bagOffsets = new int[cap];
        var targets = new int[cap];
        var zeros = new int[cap]; // sampled softmax: the target is column 0
        var occupations = new int[cap];
        var rowOf = new int[cap * width];
        var cand = new int[cap * width];
        var shared = new int[n];
        var offset = new float[options.Sampling == SoftmaxSampling.Full ? 0 : cap * width];
        var userFeatures = new float[cap * (model.Demographics?.UserWidth ?? 0)];
        int[][]? hardPools = null;
        float lam = options.Regularization;
        var order = Enumerable.Range(0, positives.Count).ToArray();
        var history = new List<EpochRecord>();
        var arena = new TensorArena();

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (options.Sampling == SoftmaxSampling.HardNegatives && epoch > 1 && (epoch - 2) % options.HardNegativeRefresh == 0)
                hardPools = HardNegativePools(model, options.HardNegativePool);
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            double total = 0;
            using (arena.Activate())
            {
                for (int s = 0; s < order.Length; s += options.BatchSize)
                {
                    int b = Math.Min(order.Length, s + options.BatchSize) - s;
                    // Shared negatives for the batch (one draw per batch, as in the reference and TF).
                    if (options.Sampling is SoftmaxSampling.Uniform or SoftmaxSampling.Popularity)
                        for (int k = 0; k < n; k++) shared[k] = sampler.SampleAny();
                    bag.Clear();
                    for (int r = 0; r < b; r++)
                    {
                        int row = order[s + r], u = positives.Users[row], pos = positives.Items[row];
                        targets[r] = pos;
                        bagOffsets[r] = bag.Count;
                        ReadOnlySpan<int> h = options.CausalHistory ? sequence[u].AsSpan(0, position[row]) : histories[u];
                        // The target is left out of the mean so the model never sees the answer in its input.
                        foreach (int j in h) if (j != pos) bag.Add(j);
                        if (model.Demographics is { } demo)
                        {
                            demo.FillUser(u, userFeatures.AsSpan(r * demo.UserWidth, demo.UserWidth));
                            occupations[r] = demo.Occupation[u];
                        }
                        if (options.Sampling != SoftmaxSampling.Full)
                            Candidates(options, model, u, pos, r, shared, hardPools, rng, cand, rowOf, offset.AsSpan(r * width, width), proposalForCorrection);
                    }

                    tableOptimizer.ZeroGrad(); towerOptimizer.ZeroGrad();
                    var input = Ops.GatherMean(model.HistoryEmbedding, CollectionsMarshal.AsSpan(bag), bagOffsets.AsSpan(0, b));
                    if (model.Demographics is { } dm)
                        input = Ops.Concat(input, new Tensor(Prefix(userFeatures, b * dm.UserWidth), b, dm.UserWidth),
                            Ops.Gather(model.OccupationEmbedding, occupations.AsSpan(0, b)));
                    var psi = model.Tower.Forward(input);
                    Tensor ce = options.Sampling == SoftmaxSampling.Full
                        ? Losses.CrossEntropy(Ops.Linear(psi, model.ItemEmbedding, Ops.Flatten(model.ItemBias)), targets.AsSpan(0, b))
                        : Losses.CrossEntropy(SampledLogits(options, model, psi, b, targets, shared, cand, rowOf, offset), zeros.AsSpan(0, b));
                    total += (double)ce.Item() * b;
                    // λ/2·‖w_pos‖² per example, averaged over the batch like the cross-entropy.
                    var loss = Ops.Add(ce, Ops.Scale(Losses.L2(Ops.Gather(model.ItemEmbedding, targets.AsSpan(0, b))), lam / (2f * b)));
                    loss.Backward();
                    tableOptimizer.Step(); towerOptimizer.Step();
                    arena.Reset();
                }
            }
            sw.Stop();
            var rec = new EpochRecord(epoch, total / order.Length, validate?.Invoke(model) ?? double.NaN, sw.Elapsed.TotalSeconds);
            history.Add(rec);
            onEpoch?.Invoke(rec);
            tableOptimizer.LearningRate *= options.LearningRateDecay;
            towerOptimizer.LearningRate = tableOptimizer.LearningRate;
        }
        return new CandidateResult(model, history);
    }

    /// <summary>
    /// For every user, the <paramref name="poolSize"/> items the model currently scores highest among
    /// those not in the user's history: the hard negatives. Never contains a training positive.
    /// </summary>
    public static int[][] HardNegativePools(CandidateModel model, int poolSize)
    {
        var pools = new int[model.NumUsers][];
        Parallel.For(0, model.NumUsers, () => new float[model.NumItems], (u, _, scores) =>
        {
            model.ScoreItems(u, scores);
            var h = model.Histories[u];
            pools[u] = TopK.Select(scores, poolSize, i => Array.BinarySearch(h, i) >= 0).Select(t => t.Item).ToArray();
            return scores;
        }, _ => { });
        return pools;
    }

    // Row r's candidates (positive first, then n negatives) into cand/rowOf at r·(n+1), and the
    // constant added to each logit into offset: −log(n·Q) with the log-Q correction, −∞ for a masked
    // accidental hit. Shared negatives only need the offsets (their logits come from one matrix product).
    private static void Candidates(CandidateOptions o, CandidateModel m, int u, int pos, int r, int[] shared, int[][]? pools, Random rng,
        int[] cand, int[] rowOf, Span<float> offset, double[] proposal)
    {
        int n = o.NumNegatives, nI = m.NumItems, at = r * (n + 1);
        cand[at] = pos; rowOf[at] = r;
        offset[0] = -SampledSoftmax.Correction(proposal, pos, n);
        if (o.Sampling == SoftmaxSampling.HardNegatives)
        {
            var h = m.Histories[u];
            var pool = pools?[u];
            int nh = pool is null || pool.Length == 0 ? 0 : (int)MathF.Round(o.HardNegativeFraction * n);
            for (int k = 0; k < n; k++)
            {
                int j;
                if (k < nh) j = pool![rng.Next(pool.Length)];
                else do j = rng.Next(nI); while (Array.BinarySearch(h, j) >= 0 && h.Length < nI);
                cand[at + k + 1] = j; rowOf[at + k + 1] = r;
                offset[k + 1] = 0;
            }
            return;
        }
        for (int k = 0; k < n; k++)
        {
            int j = shared[k];
            // Accidental hit: the sampled "negative" is this example's positive.
            offset[k + 1] = j == pos ? float.NegativeInfinity : -SampledSoftmax.Correction(proposal, j, n);
        }
    }

    // Logits [b × (n+1)] of the sampled softmax, the positive in column 0.
    private static Tensor SampledLogits(CandidateOptions o, CandidateModel m, Tensor psi, int b, int[] targets, int[] shared,
        int[] cand, int[] rowOf, float[] offset)
    {
        int n = o.NumNegatives;
        Tensor logits;
        if (o.Sampling == SoftmaxSampling.HardNegatives)
        {
            // Every row has its own candidates: pair each with its row's ψ and take row-wise dots.
            int c = b * (n + 1);
            var ids = cand.AsSpan(0, c);
            var scores = Ops.Add(Ops.RowDot(Ops.Gather(psi, rowOf.AsSpan(0, c)), Ops.Gather(m.ItemEmbedding, ids)),
                Ops.Flatten(Ops.Gather(m.ItemBias, ids)));
            logits = Ops.Reshape(scores, b, n + 1);
        }
        else
        {
            // Shared negatives: one [b × d]·[d × n] product, plus each row's own positive.
            var pos = targets.AsSpan(0, b);
            var positive = Ops.Add(Ops.RowDot(psi, Ops.Gather(m.ItemEmbedding, pos)), Ops.Flatten(Ops.Gather(m.ItemBias, pos)));
            var negative = Ops.Linear(psi, Ops.Gather(m.ItemEmbedding, shared), Ops.Flatten(Ops.Gather(m.ItemBias, shared)));
            logits = Ops.Concat(Ops.Reshape(positive, b, 1), negative);
        }
        var constant = new Tensor(Prefix(offset, b * (n + 1)), b, n + 1);
        return Ops.Add(logits, constant);
    }

    // The first len values (a copy only for the last, shorter batch).
    private static float[] Prefix(float[] a, int len) => a.Length == len ? a : a[..len];
}
