using RecCourse.Models;
using RecCourse.Optim;
using RecCourse.Tensors;
using RecCourse.Training;

namespace RecCourse.Cli.Bench;

/// <summary>
/// torch_reference.py "softmax": ratings ≥ 4 are positives, each user's last positive held out;
/// user/item embeddings 64 (N(0, 0.1²)), Adam 1e-3, batch 512, 10 epochs; HR@10 / NDCG@10 over all
/// items with training positives excluded. Shared by the full and sampled variants.
/// </summary>
internal static class SoftmaxBench
{
    public static BenchResult Run(string name, bool sampled, BenchOptions options, Action<string> log)
    {
        Engine.Threads = options.Threads;
        var all = Ml100kBenchData.LoadAll(options.DataDir);
        var (trU, trI, teU, teI) = Ml100kBenchData.LeaveLastPositiveOut(all);
        int epochs = options.Epochs ?? 10;
        log($"== {name}: {trU.Length} train pairs, {teU.Length} test users; user/item emb 64, Adam 1e-3, batch 512, {epochs} epochs");
        // untimed JIT warm-up on a throwaway model (see Ml100kBenchData.WarmUpRows).
        Train(name, sampled, trU[..Ml100kBenchData.WarmUpRows], trI[..Ml100kBenchData.WarmUpRows], teU, teI, 1, 0, _ => { });
        return Train(name, sampled, trU, trI, teU, teI, epochs, options.Seed, log) with { Threads = options.Threads };
    }

    private static BenchResult Train(string name, bool sampled, int[] trU, int[] trI, int[] teU, int[] teI, int epochs, int seed, Action<string> log)
    {
        const int batch = 512, negatives = 100;
        var options = new { Seed = seed, Threads = 1 };
        var model = new TwoTowerSoftmax(Ml100kBenchData.Users, Ml100kBenchData.Items, 64, new Random(options.Seed), 0.1f);
        var opt = new Adam(model.Parameters(), 1e-3f);
        var uBuf = new int[batch]; var pBuf = new int[batch]; var negBuf = new int[negatives];
        var negRng = new FastRandom(options.Seed + 1);
        var scores = new float[Ml100kBenchData.Users * Ml100kBenchData.Items];
        double hr = 0, ndcg = 0;
        var trainer = new EngineTrainer(new TrainerOptions { Epochs = epochs, BatchSize = batch, Seed = options.Seed, HigherIsBetter = true });
        var history = trainer.Fit(trU.Length, rows =>
        {
            for (int k = 0; k < rows.Length; k++) { uBuf[k] = trU[rows[k]]; pBuf[k] = trI[rows[k]]; }
            var u = uBuf.AsSpan(0, rows.Length); var p = pBuf.AsSpan(0, rows.Length);
            if (!sampled) return model.FullSoftmaxLoss(u, p);
            for (int j = 0; j < negatives; j++) negBuf[j] = negRng.Next(Ml100kBenchData.Items);
            return model.SampledSoftmaxLoss(u, p, negBuf);
        }, opt, model, validate: () =>
        {
            model.ScoreAll(scores);
            (hr, ndcg) = Ml100kBenchData.RankMetrics(scores, trU, trI, teU, teI);
            return hr;
        }, progress: new SyncProgress(r => log($"  [{name}] epoch {r.Epoch,2}  {r.Seconds,6:F3}s  train_ce {r.TrainLoss:F4}  HR@10 {hr:F4}  NDCG@10 {ndcg:F4}")));
        double total = history.Sum(h => h.Seconds);
        return new BenchResult(name, epochs, options.Threads, total / epochs, total,
            new Dictionary<string, double> { ["hr10"] = hr, ["ndcg10"] = ndcg });
    }

    private sealed class SyncProgress(Action<EpochRecord> report) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => report(value);
    }
}
