using RecCourse.Models;
using RecCourse.Tensors;

namespace RecCourse.Cli.Bench;

/// <summary>
/// torch_reference.py "mlp": [user 32 | item 32 | genres 19 | age/100 | gender | occupation 8] →
/// 128 ReLU Dropout(0.2) → 64 ReLU → 1, sigmoid·5.5; embeddings N(0, 1), Linear layers PyTorch's
/// default init; MSE, Adam 1e-3, batch 1024, 10 epochs, u1.
/// </summary>
public sealed class MlpBench : IBenchTask
{
    public string Name => "mlp";
    public string Description => "Deep MLP with metadata on u1 (RMSE/MAE), as the PyTorch reference";

    public BenchResult Run(BenchOptions options, Action<string> log)
    {
        Engine.Threads = options.Threads;
        var (train, test, data) = Ml100kBenchData.LoadU1(options.DataDir);
        var (genres, userFeatures, occ, nOcc) = Ml100kBenchData.SideInfo(data);
        int epochs = options.Epochs ?? 10;
        log($"== mlp: emb32+emb32+genres+age+gender+occ8 -> 128 -> 64 -> 1, Adam 1e-3, batch 1024, {epochs} epochs");
        var warm = new HybridMlp(Ml100kBenchData.Users, Ml100kBenchData.Items, new Random(0), 0, null,
            genres, Ml100kBenchData.Genres, userFeatures, 2, occ, nOcc);
        RegressionBench.Fit("warm-up", warm, warm.Forward, train.Head(Ml100kBenchData.WarmUpRows), test.Head(Ml100kBenchData.WarmUpRows), 1e-3f, 0f, 1, 0, _ => { });
        var model = new HybridMlp(Ml100kBenchData.Users, Ml100kBenchData.Items, new Random(options.Seed), options.Seed, null,
            genres, Ml100kBenchData.Genres, userFeatures, 2, occ, nOcc);
        var outcome = RegressionBench.Fit("mlp", model, model.Forward, train, test, 1e-3f, 0f, epochs, options.Seed, log);
        return new BenchResult("mlp", epochs, options.Threads, outcome.TrainSeconds / epochs, outcome.TrainSeconds,
            new Dictionary<string, double> { ["rmse"] = outcome.Rmse, ["mae"] = outcome.Mae });
    }
}
