using System.Diagnostics;
using RecCourse.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecCourse.Tests.Training;

/// <summary>The shared TorchSharp training loop (<see cref="Trainer"/>).</summary>
[Collection(nameof(NativeMemoryCollection))]
public class TorchTrainerTests
{
    public TorchTrainerTests() => Backend.Initialize();

    /// <summary>y = X·w* + 0.5 with noise; a linear layer learns it.</summary>
    private sealed class Regression : IDisposable
    {
        public readonly Tensor X, Y;
        public readonly Linear Model;
        public Regression(int n = 512, int d = 6, int seed = 1)
        {
            var g = new Generator((ulong)seed);
            X = randn(n, d, generator: g);
            var w = randn(d, 1, generator: g);
            Y = (X.matmul(w) + 0.5 + 0.01 * randn(n, 1, generator: g)).squeeze(1);
            Backend.Seed(seed);
            Model = nn.Linear(d, 1);
        }
        public Tensor BatchLoss(Tensor rows) =>
            nn.functional.mse_loss(Model.forward(X.index_select(0, rows)).squeeze(1), Y.index_select(0, rows));
        public double Mse() { using var _ = no_grad(); return nn.functional.mse_loss(Model.forward(X).squeeze(1), Y).item<float>(); }
        public void Dispose() { X.Dispose(); Y.Dispose(); Model.Dispose(); }
    }

    [Fact]
    public void Training_reduces_the_loss_and_reports_every_epoch()
    {
        using var r = new Regression();
        double before = r.Mse();
        var seen = new List<EpochRecord>();
        var history = new Trainer(new TrainerOptions { Epochs = 20, BatchSize = 64, Seed = 3 })
            .Fit(r.Model, optim.SGD(r.Model.parameters(), 0.05), 512, r.BatchLoss, validate: r.Mse, progress: new Sync(seen.Add));
        Assert.Equal(20, history.Count);
        Assert.Equal(history, seen);
        Assert.Equal(Enumerable.Range(1, 20), history.Select(h => h.Epoch));
        Assert.True(history[^1].ValidationMetric < 0.01 * before, $"MSE {before} → {history[^1].ValidationMetric}");
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss);
        Assert.All(history, h => Assert.True(h.Seconds >= 0));
        // The reported train loss is the mean over the epoch's examples: close to the MSE after the epoch.
        Assert.InRange(history[^1].TrainLoss, 0, 10 * history[^1].ValidationMetric + 1e-3);
    }

    [Fact]
    public void Same_seed_gives_bit_identical_weights()
    {
        float[] Train()
        {
            using var r = new Regression(seed: 4);
            new Trainer(new TrainerOptions { Epochs = 3, BatchSize = 32, Seed = 9 })
                .Fit(r.Model, new FusedAdam(r.Model.parameters(), 1e-2), 512, r.BatchLoss);
            return r.Model.parameters().SelectMany(p => p.detach().data<float>().ToArray()).ToArray();
        }
        Assert.Equal(Train(), Train());
    }

    [Fact]
    public void Different_shuffle_seeds_give_different_weights()
    {
        float[] Train(int seed)
        {
            using var r = new Regression(seed: 4);
            new Trainer(new TrainerOptions { Epochs = 2, BatchSize = 32, Seed = seed })
                .Fit(r.Model, optim.SGD(r.Model.parameters(), 0.05), 512, r.BatchLoss);
            return r.Model.parameters().SelectMany(p => p.detach().data<float>().ToArray()).ToArray();
        }
        Assert.NotEqual(Train(1), Train(2));
    }

    [Fact]
    public void Early_stopping_stops_after_patience_epochs_without_improvement()
    {
        using var r = new Regression();
        var metrics = new Queue<double>([5, 4, 4.5, 4.2, 4.1, 1, 0.5]);
        var history = new Trainer(new TrainerOptions { Epochs = 7, BatchSize = 64, EarlyStoppingPatience = 3 })
            .Fit(r.Model, optim.SGD(r.Model.parameters(), 0.01), 512, r.BatchLoss, validate: metrics.Dequeue);
        Assert.Equal(5, history.Count); // best at epoch 2, then three epochs without improvement
    }

    [Fact]
    public void RestoreBestWeights_puts_back_the_best_epoch()
    {
        using var r = new Regression();
        float[]? atBest = null;
        int epoch = 0;
        double Validate()
        {
            epoch++;
            if (epoch == 2) atBest = r.Model.parameters().SelectMany(p => p.detach().data<float>().ToArray()).ToArray();
            return epoch == 2 ? 0 : 1; // epoch 2 is "best"
        }
        new Trainer(new TrainerOptions { Epochs = 5, BatchSize = 64, RestoreBestWeights = true })
            .Fit(r.Model, optim.SGD(r.Model.parameters(), 0.05), 512, r.BatchLoss, validate: Validate);
        var final = r.Model.parameters().SelectMany(p => p.detach().data<float>().ToArray()).ToArray();
        Assert.Equal(atBest, final);
    }

    [Fact]
    public void A_diverging_loss_stops_training()
    {
        using var r = new Regression();
        var history = new Trainer(new TrainerOptions { Epochs = 10, BatchSize = 512 })
            .Fit(r.Model, optim.SGD(r.Model.parameters(), 1e6), 512, r.BatchLoss);
        Assert.True(history.Count < 10);
        Assert.False(double.IsFinite(history[^1].TrainLoss));
    }

    [Fact]
    public void Bad_options_name_the_field()
    {
        using var r = new Regression();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new TrainerOptions { BatchSize = 0 })
            .Fit(r.Model, optim.SGD(r.Model.parameters(), 0.1), 512, r.BatchLoss));
        Assert.Equal("BatchSize", e.ParamName);
    }

    [Fact]
    public void Native_memory_stays_flat_over_many_epochs()
    {
        using var r = new Regression(n: 4096, d: 32);
        var embedding = nn.Embedding(1000, 32, sparse: true);
        var ids = randint(0, 1000, 4096);
        Tensor Loss(Tensor rows)
        {
            var e = embedding.forward(ids.index_select(0, rows));
            var x = r.X.index_select(0, rows) + e;
            return nn.functional.mse_loss(r.Model.forward(x).squeeze(1), r.Y.index_select(0, rows));
        }
        var ps = r.Model.parameters().Concat(embedding.parameters()).ToArray();
        var opt = new FusedAdam(ps, 1e-3);
        var trainer = new Trainer(new TrainerOptions { Epochs = 5, BatchSize = 128 });
        var dummy = nn.Sequential(("m", r.Model), ("e", embedding)); // holds both for train()/eval()
        trainer.Fit(dummy, opt, 4096, Loss, validate: r.Mse); // warm-up: optimiser state, allocator pools
        long rss = ResidentBytes(); // collects first, so the count below holds live tensors only
        long tensors = Tensor.TotalCount;
        long peak = 0;
        new Trainer(new TrainerOptions { Epochs = 60, BatchSize = 128 }).Fit(dummy, opt, 4096, Loss, validate: r.Mse,
            afterBatch: () => peak = Math.Max(peak, Tensor.TotalCount - tensors));
        // Each batch's tensors are freed at the end of that batch: the live count never climbs with the
        // number of batches in an epoch (32 here, about 20 tensors each).
        Assert.InRange(peak, 0, 100);
        // Read before any collection: the batches' tensors must have been disposed by the loop itself,
        // not left to the garbage collector (which does not see their native memory).
        long grownTensors = Tensor.TotalCount - tensors;
        long grownRss = ResidentBytes() - rss;
        Assert.InRange(grownTensors, -5, 5);
        // 60 epochs × 32 batches: a leak of one batch's tensors per batch would be ≳ 500 MB.
        Assert.True(grownRss < 64L << 20, $"resident memory grew by {grownRss >> 20} MB over 60 epochs");
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.WorkingSet64;
    }

    private sealed class Sync(Action<EpochRecord> report) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => report(value);
    }
}
