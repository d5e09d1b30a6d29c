using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Cli.Bench;

/// <summary>
/// <c>reccourse bench hybrid</c>: the wide &amp; deep hybrid (<see cref="HybridOptions"/> defaults: the
/// tuned MF as wide path, then an MLP over [user emb 32 | item emb 32 | genres | year | age | gender |
/// occupation emb 8] → 128 → 64 → 1 with dropout 0.2, 5 epochs chosen on a validation split of
/// u1.base) on u1.base → u1.test, <see cref="Seeds"/> seeds averaged. <c>--epochs</c> sets the deep
/// path's epochs. Also reports the first seed's wide path and hybrid alone.
/// </summary>
public sealed class HybridBench : IBenchTask
{
    public string Name => "hybrid";
    public string Description => "Wide & deep hybrid (tuned MF + metadata MLP; 3 seeds averaged) on u1: RMSE/MAE";

    /// <summary>Hybrids averaged (seeds Seed, Seed+1, …).</summary>
    public const int Seeds = 3;

    public BenchResult Run(BenchOptions options, Action<string> log)
    {
        var (train, test) = MovieLens100k.LoadSplit(options.DataDir, "u1");
        var features = HybridFeatures.FromDataset(train);
        var members = new List<HybridResult>();
        for (int s = 0; s < Seeds; s++)
        {
            int seed = options.Seed + s;
            var o = new HybridOptions { Seed = seed, Mf = new MatrixFactorizationOptions { Seed = seed } };
            if (options.Epochs is int e) o = o with { Epochs = e };
            if (s == 0)
                log($"hybrid: wide = MF d={o.Mf.Dimensions} ({o.Mf.Epochs} epochs); deep = MLP [{string.Join("→", o.HiddenWidths)}] dropout {o.Dropout}, Adam {o.LearningRate}, {o.Epochs} epochs; {Seeds} seeds");
            members.Add(HybridTrainer.Fit(train.Ratings, features, o, test.Ratings,
                (stage, h) => { if (stage == "deep" || h.Epoch % 10 == 0) log($"  seed {seed} {stage} epoch {h.Epoch,3}  {h.Seconds,7:F3}s  train_mse {h.TrainLoss:F4}  test_rmse {h.ValidationMetric:F4}"); }));
        }
        var ensemble = new AveragedRecommender(members.Select(m => (IRecommender)m.Model).ToList());
        var (rmse, mae) = RatingError.Evaluate(ensemble, test.Ratings);
        var (single, _) = RatingError.Evaluate(members[0].Model, test.Ratings);
        var (wide, _) = RatingError.Evaluate(members[0].Model.Mf!, test.Ratings);
        log($"  seed {options.Seed}: wide RMSE {wide:F4}, hybrid {single:F4};  average of {Seeds} hybrids: RMSE {rmse:F4}  MAE {mae:F4}");
        var deep = members.SelectMany(m => m.DeepHistory).ToList();
        double total = members.Sum(m => m.WideHistory.Sum(h => h.Seconds) + m.DeepHistory.Sum(h => h.Seconds));
        return new BenchResult(Name, members[0].DeepHistory.Count, options.Threads, deep.Count == 0 ? 0 : deep.Average(h => h.Seconds), total,
            new Dictionary<string, double> { ["rmse"] = rmse, ["mae"] = mae, ["rmseSingleSeed"] = single, ["rmseWide"] = wide });
    }
}
