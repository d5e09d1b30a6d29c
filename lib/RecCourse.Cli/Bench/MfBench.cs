using RecCourse.Models;
using RecCourse.Tensors;

namespace RecCourse.Cli.Bench;

/// <summary>
/// torch_reference.py "mf": DotProductBias d=50, y_range (0, 5.5), N(0, 0.01²) factors, zero biases,
/// MSE, Adam lr 5e-3, batch 1024, 10 epochs, for weight decay 1e-5, 1e-4, 3e-4 (coupled, as Adam's
/// weight_decay); the best final test RMSE is reported with its timings.
/// </summary>
public sealed class MfBench : IBenchTask
{
    public string Name => "mf";
    public string Description => "Dot-product MF + biases on u1 (RMSE/MAE), weight-decay grid as the PyTorch reference";

    public BenchResult Run(BenchOptions options, Action<string> log)
    {
        Engine.Threads = options.Threads;
        var (train, test, _) = Ml100kBenchData.LoadU1(options.DataDir);
        int epochs = options.Epochs ?? 10;
        log($"== mf: dot-product MF + biases, d=50, Adam lr=5e-3, batch 1024, {epochs} epochs; u1.base {train.Count}, u1.test {test.Count}");
        var warm = new DotProductBias(Ml100kBenchData.Users, Ml100kBenchData.Items, 50, new Random(0));
        RegressionBench.Fit("warm-up", warm, warm.Forward, train.Head(Ml100kBenchData.WarmUpRows), test.Head(Ml100kBenchData.WarmUpRows), 5e-3f, 1e-4f, 1, 0, _ => { });
        RegressionBench.Outcome? best = null;
        float bestWd = 0;
        foreach (float wd in new[] { 1e-5f, 1e-4f, 3e-4f })
        {
            log($" weight_decay={wd:g}");
            var model = new DotProductBias(Ml100kBenchData.Users, Ml100kBenchData.Items, 50, new Random(options.Seed));
            var outcome = RegressionBench.Fit($"mf wd={wd:g}", model, model.Forward, train, test, 5e-3f, wd, epochs, options.Seed, log);
            if (best is null || outcome.Rmse < best.Rmse) { best = outcome; bestWd = wd; }
        }
        log($" best wd={bestWd:g}");
        return new BenchResult("mf", epochs, options.Threads, best!.TrainSeconds / epochs, best.TrainSeconds,
            new Dictionary<string, double> { ["rmse"] = best.Rmse, ["mae"] = best.Mae, ["weightDecay"] = bestWd });
    }
}
