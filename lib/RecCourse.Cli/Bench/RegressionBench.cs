using RecCourse.Nn;
using RecCourse.Optim;
using RecCourse.Tensors;
using RecCourse.Training;

namespace RecCourse.Cli.Bench;

/// <summary>The reference's <c>fit_regressor</c>: MSE + Adam, batch 1024, test RMSE/MAE after each epoch.</summary>
internal static class RegressionBench
{
    public delegate Tensor Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items);

    public sealed record Outcome(IReadOnlyList<EpochRecord> History, double Rmse, double Mae)
    {
        public double TrainSeconds => History.Sum(h => h.Seconds);
    }

    public static Outcome Fit(string name, Module model, Predict predict, Ml100kBenchData.Ratings train, Ml100kBenchData.Ratings test,
        float lr, float wd, int epochs, int seed, Action<string> log)
    {
        // RECCOURSE_BENCH_LAZY_ADAM=1 measures the lazy (touched-rows-only) variant; the default is
        // PyTorch's dense Adam, which the quality comparison needs.
        bool lazy = Environment.GetEnvironmentVariable("RECCOURSE_BENCH_LAZY_ADAM") == "1";
        var opt = new Adam(model.Parameters(), lr, weightDecay: wd, lazy: lazy);
        var uBuf = new int[1024]; var iBuf = new int[1024]; var rBuf = new float[1024];
        double rmse = double.NaN, mae = double.NaN;
        var trainer = new EngineTrainer(new TrainerOptions { Epochs = epochs, BatchSize = 1024, Seed = seed });
        var history = trainer.Fit(train.Count, rows =>
        {
            for (int k = 0; k < rows.Length; k++)
            {
                int r = rows[k];
                uBuf[k] = train.User[r]; iBuf[k] = train.Item[r]; rBuf[k] = train.Value[r];
            }
            var pred = predict(uBuf.AsSpan(0, rows.Length), iBuf.AsSpan(0, rows.Length));
            return Losses.Mse(pred, rBuf.AsSpan(0, rows.Length));
        }, opt, model, validate: () =>
        {
            var p = predict(test.User, test.Item).Data;
            double se = 0, ae = 0;
            for (int k = 0; k < p.Length; k++) { double e = p[k] - test.Value[k]; se += e * e; ae += Math.Abs(e); }
            rmse = Math.Sqrt(se / p.Length); mae = ae / p.Length;
            return rmse;
        }, progress: new Progress(r => log($"  [{name}] epoch {r.Epoch,2}  {r.Seconds,6:F3}s  train_mse {r.TrainLoss:F4}  test_rmse {r.ValidationMetric:F4}  test_mae {mae:F4}")));
        return new Outcome(history, rmse, mae);
    }

    /// <summary>Synchronous <see cref="IProgress{T}"/> (System.Progress posts to a thread pool).</summary>
    private sealed class Progress(Action<EpochRecord> report) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => report(value);
    }
}
