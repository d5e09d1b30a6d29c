using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Cli.Bench;

/// <summary>
/// <c>reccourse bench hybrid</c>: the wide &amp; deep hybrid (<see cref="HybridOptions"/> defaults: the
/// tuned MF as wide path, then an MLP over [user emb 32 | item emb 32 | genres | year | age | gender |
/// occupation emb 8] → 128 → 64 → 1 with dropout 0.2) on u1.base → u1.test. <c>--epochs</c> sets the
/// deep path's epochs. Reports the wide path's RMSE too.
/// </summary>
public sealed class HybridBench : IBenchTask
{
    public string Name => "hybrid";
    public string Description => "Wide & deep hybrid (tuned MF + metadata MLP) on u1: RMSE/MAE";

    public BenchResult Run(BenchOptions options, Action<string> log)
    {
        var (train, test) = MovieLens100k.LoadSplit(options.DataDir, "u1");
        var o = new HybridOptions { Seed = options.Seed, Mf = new MatrixFactorizationOptions { Seed = options.Seed } };
        if (options.Epochs is int e) o = o with { Epochs = e };
        log($"hybrid: wide = MF d={o.Mf.Dimensions} ({o.Mf.Epochs} epochs); deep = MLP [{string.Join("→", o.HiddenWidths)}] dropout {o.Dropout}, Adam {o.LearningRate}, {o.Epochs} epochs");
        var r = HybridTrainer.Fit(train.Ratings, HybridFeatures.FromDataset(train), o, test.Ratings,
            (stage, h) => log($"  {stage} epoch {h.Epoch,3}  {h.Seconds,7:F3}s  train_mse {h.TrainLoss:F4}  test_rmse {h.ValidationMetric:F4}"));
        var (rmse, mae) = RatingError.Evaluate(r.Model, test.Ratings);
        var (wide, _) = RatingError.Evaluate(r.Model.Mf!, test.Ratings);
        double total = r.WideHistory.Sum(h => h.Seconds) + r.DeepHistory.Sum(h => h.Seconds);
        int epochs = r.DeepHistory.Count;
        return new BenchResult(Name, epochs, options.Threads, r.DeepHistory.Count == 0 ? 0 : r.DeepHistory.Average(h => h.Seconds), total,
            new Dictionary<string, double> { ["rmse"] = rmse, ["mae"] = mae, ["rmseWide"] = wide });
    }
}
