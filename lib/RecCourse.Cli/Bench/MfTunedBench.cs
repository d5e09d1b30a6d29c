using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Cli.Bench;

/// <summary>
/// <c>reccourse bench mf-tuned</c>: the tuned biased MF recipe (<see cref="MatrixFactorizationOptions"/>
/// defaults: d = 512, per-rating L2 λ = 0.08, SGD lr 0.01 × 0.98/epoch, 55 epochs) trained on
/// u1.base, scored on u1.test. The hyperparameters were chosen on a 5 % validation split of u1.base;
/// u1.test is only reported, never used for stopping.
/// </summary>
public sealed class MfTunedBench : IBenchTask
{
    public string Name => "mf-tuned";
    public string Description => "Tuned biased MF (SGD, per-rating L2) on u1.base → u1.test: RMSE/MAE";

    public BenchResult Run(BenchOptions options, Action<string> log)
    {
        var (train, test) = MovieLens100k.LoadSplit(options.DataDir, "u1");
        var o = new MatrixFactorizationOptions { Seed = options.Seed };
        if (options.Epochs is int e) o = o with { Epochs = e };
        log($"mf-tuned: d={o.Dimensions} λ={o.Regularization} lr={o.LearningRate}×{o.LearningRateDecay}/epoch init σ={o.InitStd} epochs={o.Epochs}; " +
            $"{train.Ratings.Count} train / {test.Ratings.Count} test ratings");
        var r = MatrixFactorizationTrainer.Fit(train.Ratings, train.NumUsers, train.NumItems, o, test.Ratings,
            h => log($"  epoch {h.Epoch,3}  {h.Seconds,7:F3}s  train_mse {h.TrainLoss:F4}  test_rmse {h.ValidationMetric:F4}"));
        var (rmse, mae) = RatingError.Evaluate(r.Model, test.Ratings);
        double total = r.History.Sum(h => h.Seconds);
        return new BenchResult(Name, r.History.Count, options.Threads, total / r.History.Count, total,
            new Dictionary<string, double> { ["rmse"] = rmse, ["mae"] = mae });
    }
}
