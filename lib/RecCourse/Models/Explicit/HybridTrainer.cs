using System.Diagnostics;
using RecCourse.Data;

using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>
/// Trains <see cref="HybridModel"/> in two stages, as NeuMF pre-trains its parts: (1) the wide path,
/// a tuned biased MF (<see cref="MatrixFactorizationTrainer"/>); (2) the deep path with Adam on
/// mini-batches of the squared error of the sum, the wide path frozen. The MLP's output layer
/// starts at zero, so stage 2 starts exactly at the MF predictions and can only learn corrections.
/// </summary>
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

        var net = model.Network;
        var ws = net.NewWorkspace();
        var input = new float[net.InputSize];
        var inputGrad = new float[net.InputSize];
        int e = model.EmbeddingDimensions, od = model.OccupationDimensions, occOffset = 2 * e + features.FeatureCount;
        float lam = options.EmbeddingRegularization;
        var order = Enumerable.Range(0, train.Count).ToArray();
        var deep = new List<EpochRecord>();
        int step = 0;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            double total = 0;
            for (int s = 0; s < order.Length; s += options.BatchSize)
            {
                int end = Math.Min(order.Length, s + options.BatchSize);
                float gMu = 0;
                for (int b = s; b < end; b++)
                {
                    int k = order[b], u = train.Users[k], i = train.Items[k];
                    model.Assemble(u, i, default, input);
                    float x = model.BaseLogit(u, i, train.Timestamps[k]) + net.Forward(input, ws, options.Dropout, rng)[0];
                    var (yhat, slope) = model.Output(x);
                    float err = yhat - train.Values[k];
                    total += err * err;
                    float g = err * slope;
                    gMu += g;
                    net.Backward([g], ws, inputGrad, accumulate: true);
                    // Scatter the input gradient to the embedding rows it came from (+ per-row L2).
                    model.UserEmbedding.Accumulate(u, inputGrad.AsSpan(0, e), 1);
                    model.UserEmbedding.Accumulate(u, model.UserEmbedding.Values.AsSpan(u * e, e), lam);
                    model.ItemEmbedding.Accumulate(i, inputGrad.AsSpan(e, e), 1);
                    model.ItemEmbedding.Accumulate(i, model.ItemEmbedding.Values.AsSpan(i * e, e), lam);
                    if (model.UseMetadata)
                    {
                        int occ = features.Occupation[u];
                        model.OccupationEmbedding.Accumulate(occ, inputGrad.AsSpan(occOffset, od), 1);
                    }
                }
                step++;
                float scale = 1f / (end - s);
                net.Step(options.LearningRate, step, scale);
                model.UserEmbedding.Step(options.LearningRate, step, scale);
                model.ItemEmbedding.Step(options.LearningRate, step, scale);
                model.OccupationEmbedding.Step(options.LearningRate, step, scale);
                if (mf is null) model.GlobalBias -= options.LearningRate * gMu * scale;
            }
            sw.Stop();
            double vr = validation is null ? double.NaN : RatingError.Evaluate(model, validation).Rmse;
            var rec = new EpochRecord(epoch, total / order.Length, vr, sw.Elapsed.TotalSeconds);
            deep.Add(rec);
            onEpoch?.Invoke("deep", rec);
        }
        return new HybridResult(model, wide, deep);
    }
}
