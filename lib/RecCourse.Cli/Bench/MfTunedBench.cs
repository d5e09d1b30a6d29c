using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Cli.Bench;

/// <summary>
/// <c>reccourse bench mf-tuned</c>: the tuned biased MF recipe (<see cref="MatrixFactorizationOptions"/>
/// defaults: d = 512, per-rating L2 λ = 0.06, SGD lr 0.01 × 0.98/epoch, 50 epochs, SVD++ implicit
/// term, session biases per user and 5-minute bucket) trained on u1.base with <see cref="Seeds"/> seeds whose predictions
/// are averaged, scored on u1.test. Hyperparameters were chosen on a 5 % validation split of
/// u1.base; u1.test is only reported (per epoch, for the curves), never used for stopping.
/// </summary>
public sealed class MfTunedBench : IBenchTask
{
    public string Name => "mf-tuned";
    public string Description => "Tuned biased MF (SGD, per-rating L2, SVD++, session biases; 3 seeds averaged) on u1.base → u1.test: RMSE/MAE";

    /// <summary>Models averaged (seeds Seed, Seed+1, …).</summary>
    public const int Seeds = 3;

    public BenchResult Run(BenchOptions options, Action<string> log)
    {
        var (train, test) = MovieLens100k.LoadSplit(options.DataDir, "u1");
        var o = new MatrixFactorizationOptions { Seed = options.Seed };
        if (options.Epochs is int e) o = o with { Epochs = e };
        log($"mf-tuned: d={o.Dimensions} λ={o.Regularization} lr={o.LearningRate}×{o.LearningRateDecay}/epoch init σ={o.InitStd} epochs={o.Epochs}; " +
            $"{train.Ratings.Count} train / {test.Ratings.Count} test ratings");
        var (ensemble, members) = MatrixFactorizationTrainer.FitAveraged(train.Ratings, train.NumUsers, train.NumItems, o, Seeds, test.Ratings,
            (member, h) => log($"  seed {o.Seed + member} epoch {h.Epoch,3}  {h.Seconds,7:F3}s  train_mse {h.TrainLoss:F4}  test_rmse {h.ValidationMetric:F4}"));
        var (rmse, mae) = RatingError.Evaluate(ensemble, test.Ratings);
        var single = RatingError.Evaluate(members[0].Model, test.Ratings);
        log($"  single seed: RMSE {single.Rmse:F4}  MAE {single.Mae:F4};  average of {Seeds}: RMSE {rmse:F4}  MAE {mae:F4}");
        var epochs = members.SelectMany(m => m.History).ToList();
        double total = epochs.Sum(h => h.Seconds);
        return new BenchResult(Name, members[0].History.Count, options.Threads, total / epochs.Count, total,
            new Dictionary<string, double> { ["rmse"] = rmse, ["mae"] = mae, ["rmseSingleSeed"] = single.Rmse }) { Backend = "RecCourse" };
    }
}
