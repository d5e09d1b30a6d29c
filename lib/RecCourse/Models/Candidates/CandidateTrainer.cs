using System.Diagnostics;
using System.Numerics.Tensors;
using RecCourse.Data;

using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>
/// Trains <see cref="CandidateModel"/> as extreme multiclass classification: for each training
/// positive (u, i), predict i among all items from ψ(u's other positives, demographics) with a
/// full or sampled softmax (see <see cref="SoftmaxSampling"/>), Adam on mini-batches.
/// </summary>
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

        int d = model.OutputDimensions, dh = model.HistoryDimensions, nI = numItems;
        var ws = model.Tower.NewWorkspace();
        var input = new float[model.InputSize];
        var dInput = new float[model.InputSize];
        var psi = new float[d];
        var dPsi = new float[d];
        int maxCand = options.Sampling == SoftmaxSampling.Full ? nI : options.NumNegatives + 1;
        var cand = new int[maxCand];
        var logits = new float[maxCand];
        var shared = new int[options.NumNegatives];
        int[][]? hardPools = null;
        float lam = options.Regularization;
        var order = Enumerable.Range(0, positives.Count).ToArray();
        var history = new List<EpochRecord>();
        int step = 0;
        float lr = options.LearningRate;

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (options.Sampling == SoftmaxSampling.HardNegatives && epoch > 1 && (epoch - 2) % options.HardNegativeRefresh == 0)
                hardPools = HardNegativePools(model, options.HardNegativePool);
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            double total = 0;
            for (int s = 0; s < order.Length; s += options.BatchSize)
            {
                int end = Math.Min(order.Length, s + options.BatchSize);
                // Shared negatives for the batch (one draw per batch, as in the reference and TF).
                if (options.Sampling is SoftmaxSampling.Uniform or SoftmaxSampling.Popularity)
                    for (int k = 0; k < shared.Length; k++) shared[k] = sampler.SampleAny();
                for (int b = s; b < end; b++)
                {
                    int row = order[b], u = positives.Users[row], pos = positives.Items[row];
                    ReadOnlySpan<int> h = options.CausalHistory ? sequence[u].AsSpan(0, position[row]) : histories[u];
                    model.BuildInput(u, h, pos, input);
                    model.Tower.Forward(input, ws, 0, null).CopyTo(psi);

                    int nc = Candidates(options, model, u, pos, shared, hardPools, rng, cand, logits, psi, proposalForCorrection);
                    var z = logits.AsSpan(0, nc);
                    total += SampledSoftmax.CrossEntropyInPlace(z, 0);

                    // Output layer: dW_c += g_c ψ, db_c += g_c, dψ = Σ g_c w_c.
                    Array.Clear(dPsi);
                    for (int c = 0; c < nc; c++)
                    {
                        float g = z[c];
                        if (g == 0) continue;
                        int item = cand[c];
                        TensorPrimitives.MultiplyAdd(model.ItemEmbedding.Values.AsSpan(item * d, d), g, dPsi, dPsi);
                        model.ItemEmbedding.Accumulate(item, psi, g);
                        model.ItemBias.GradRow(item)[0] += g;
                    }
                    model.ItemEmbedding.Accumulate(pos, model.ItemEmbedding.Values.AsSpan(pos * d, d), lam);

                    model.Tower.Backward(dPsi, ws, dInput, accumulate: true);
                    int n = 0;
                    foreach (int j in h) if (j != pos) n++;
                    foreach (int j in h)
                        if (j != pos) model.HistoryEmbedding.Accumulate(j, dInput.AsSpan(0, dh), 1f / n);
                    if (model.Demographics is { } demo)
                    {
                        int occ = demo.Occupation[u], off = dh + demo.UserWidth;
                        model.OccupationEmbedding.Accumulate(occ, dInput.AsSpan(off, model.OccupationDimensions), 1);
                    }
                }
                step++;
                float scale = 1f / (end - s);
                model.Tower.Step(lr, step, scale);
                model.HistoryEmbedding.Step(lr, step, scale);
                model.ItemEmbedding.Step(lr, step, scale);
                model.ItemBias.Step(lr, step, scale);
                model.OccupationEmbedding.Step(lr, step, scale);
            }
            sw.Stop();
            var rec = new EpochRecord(epoch, total / order.Length, validate?.Invoke(model) ?? double.NaN, sw.Elapsed.TotalSeconds);
            history.Add(rec);
            onEpoch?.Invoke(rec);
            lr *= options.LearningRateDecay;
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

    // Fills cand/logits with the positive first, then the negatives; returns how many.
    private static int Candidates(CandidateOptions o, CandidateModel m, int u, int pos, int[] shared, int[][]? pools, Random rng,
        int[] cand, float[] logits, float[] psi, double[] proposal)
    {
        int d = m.OutputDimensions, nI = m.NumItems;
        float Score(int item) => m.ItemBias.Values[item] + TensorPrimitives.Dot<float>(psi, m.ItemEmbedding.Values.AsSpan(item * d, d));
        if (o.Sampling == SoftmaxSampling.Full)
        {
            // Target first: swap the positive into slot 0 so CrossEntropyInPlace(z, 0) applies.
            cand[0] = pos;
            for (int i = 0, c = 1; i < nI; i++) if (i != pos) cand[c++] = i;
            for (int c = 0; c < nI; c++) logits[c] = Score(cand[c]);
            return nI;
        }
        int n = o.NumNegatives;
        cand[0] = pos;
        logits[0] = Score(pos) - SampledSoftmax.Correction(proposal, pos, n);
        var h = m.Histories[u];
        if (o.Sampling == SoftmaxSampling.HardNegatives)
        {
            var pool = pools?[u];
            int nh = pool is null || pool.Length == 0 ? 0 : (int)MathF.Round(o.HardNegativeFraction * n);
            for (int k = 0; k < n; k++)
            {
                int j;
                if (k < nh) j = pool![rng.Next(pool.Length)];
                else do j = rng.Next(nI); while (Array.BinarySearch(h, j) >= 0 && h.Length < nI);
                cand[k + 1] = j;
                logits[k + 1] = Score(j);
            }
            return n + 1;
        }
        for (int k = 0; k < n; k++)
        {
            int j = shared[k];
            cand[k + 1] = j;
            // Accidental hit: the sampled "negative" is this example's positive.
            logits[k + 1] = j == pos ? float.NegativeInfinity : Score(j) - SampledSoftmax.Correction(proposal, j, n);
        }
        return n + 1;
    }
}
