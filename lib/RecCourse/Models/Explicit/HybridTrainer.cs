using System.Diagnostics;
using RecCourse.Data;
using RecCourse.Nn;
using RecCourse.Optim;
using RecCourse.Tensors;
using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>
/// Trains <see cref="HybridModel"/> in two stages, as NeuMF pre-trains its parts: (1) the wide path,
/// a tuned biased MF (<see cref="MatrixFactorizationTrainer"/>); (2) the deep path on the kit's engine,
/// with lazy <see cref="Adam"/> on mini-batches of the squared error of the sum, the wide path frozen.
/// The MLP's output layer starts at zero, so stage 2 starts exactly at the MF predictions and can
/// only learn corrections.
/// </summary>
/// <remarks>
/// The mini-batch loss is ½·mean((ŷ − r)²) + λ/(2n)·Σ(‖e_u‖² + ‖e_i‖²) over the batch's n ratings:
/// the L2 term regularises each embedding row once per rating that looks it up.
/// </remarks>
public static class HybridTrainer
{
    /// <param name="validation">Optional; its RMSE after every deep epoch goes into the history.</param>
    /// <exception cref="ArgumentException">Indices outside the feature tables.</exception>
    public static HybridResult Fit(RatingTable train, HybridFeatures features, HybridOptions options,
        RatingTable? validation = null, Action<string, EpochRecord>? onEpoch = null)
    {
        options.Validate();
        if (train.Count == 0) throw new ArgumentException("no training ratings", nameof(train));
        int nU = features.NumUsers, nI = features.NumItems;
        MatrixFactorizationModel? mf = null;
        IReadOnlyList<EpochRecord> wide = [];
        if (options.UseMfPath)
        {
            var r = MatrixFactorizationTrainer.Fit(train, nU, nI, options.Mf, validation, onEpoch is null ? null : e => onEpoch("wide", e));
            mf = r.Model; wide = r.History;
        }
        var rng = new Random(options.Seed);
        var model = new HybridModel(features, mf, options, rng);
        if (mf is null)
        {
            var (lo, hi) = options.YRange;
            float p = Math.Clamp(((float)train.Mean() - lo) / (hi - lo), 1e-4f, 1 - 1e-4f);
            model.GlobalBias = MathF.Log(p / (1 - p));
        }

        // Lazy Adam: the embedding tables update only the rows a batch looked up; the MLP's gradients
        // are dense, so its layers get the ordinary Adam update.
        var adam = new Adam(model.DeepParameters(), options.LearningRate, lazy: true);
        var biasSgd = mf is null ? new Sgd([model.GlobalBiasParameter], options.LearningRate) : null;

        int bs = options.BatchSize, f = features.FeatureCount;
        var users = new int[bs]; var items = new int[bs]; var targets = new float[bs];
        // Constant inputs of a batch, one set per batch size (full batches and the last, shorter one).
        var inputs = new Dictionary<int, (Tensor Features, Tensor Base)>();
        float halfLam = options.EmbeddingRegularization / 2;
        var order = Enumerable.Range(0, train.Count).ToArray();
        var arena = new TensorArena();
        var deep = new List<EpochRecord>();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            model.Network.Train();
            rng.Shuffle(order);
            double total = 0;
            using (arena.Activate())
            {
                for (int s = 0; s < order.Length; s += bs)
                {
                    int n = Math.Min(order.Length, s + bs) - s;
                    if (!inputs.TryGetValue(n, out var c)) inputs[n] = c = (new Tensor(n, f), new Tensor(n));
                    for (int b = 0; b < n; b++)
                    {
                        int k = order[s + b], u = train.Users[k], i = train.Items[k];
                        users[b] = u; items[b] = i; targets[b] = train.Values[k];
                        c.Base.Data[b] = model.BaseLogit(u, i, train.Timestamps[k]);
                        if (model.UseMetadata) features.Fill(u, i, c.Features.Row(b));
                    }
                    adam.ZeroGrad(); biasSgd?.ZeroGrad();
                    var x = model.Logits(users.AsSpan(0, n), items.AsSpan(0, n), c.Features, c.Base, out var userRows, out var itemRows);
                    var mse = Losses.Mse(model.Output(x), targets.AsSpan(0, n));
                    total += (double)mse.Item() * n;
                    var loss = Ops.Add(Ops.Scale(mse, 0.5f), Ops.Scale(Losses.L2(userRows, itemRows), halfLam / n));
                    loss.Backward();
                    adam.Step(); biasSgd?.Step();
                    arena.Reset();
                }
            }
            sw.Stop();
            model.Network.Eval();
            double vr = validation is null ? double.NaN : RatingError.Evaluate(model, validation).Rmse;
            var rec = new EpochRecord(epoch, total / order.Length, vr, sw.Elapsed.TotalSeconds);
            deep.Add(rec);
            onEpoch?.Invoke("deep", rec);
        }
        model.Network.Eval();
        return new HybridResult(model, wide, deep);
    }
}
