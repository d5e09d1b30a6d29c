using System.Diagnostics;
using RecCourse.Nn;
using RecCourse.Optim;
using RecCourse.Training;

namespace RecCourse.Tensors;

/// <summary>
/// The mini-batch training loop: for each epoch, shuffle the example rows (seeded), and per batch run
/// the five lines of every PyTorch loop — zero grads, forward + loss, backward, step — then evaluate.
/// Intermediate tensors come from a <see cref="TensorArena"/> reset every batch, so steady-state
/// training allocates nothing.
/// </summary>
public sealed class EngineTrainer(TrainerOptions options)
{
    private readonly TensorArena arena = new();

    public TrainerOptions Options { get; } = options;

    /// <summary>
    /// Trains for <see cref="TrainerOptions.Epochs"/> epochs over <paramref name="count"/> examples.
    /// </summary>
    /// <param name="count">Number of training examples; batches hold row numbers in [0, count).</param>
    /// <param name="batchLoss">Forward pass and loss of one batch.</param>
    /// <param name="optimizer">Updates the parameters after each backward pass.</param>
    /// <param name="model">Switched to training mode for the pass and evaluation mode for validation (optional).</param>
    /// <param name="validate">Validation metric computed after each epoch, under NoGrad (optional).</param>
    /// <param name="progress">Receives each epoch's record as soon as it is known (CLI, notebook).</param>
    /// <param name="afterBatch">Called after every optimiser step, e.g. for a per-batch LR schedule.</param>
    public IReadOnlyList<EpochRecord> Fit(int count, BatchLoss batchLoss, Optimizer optimizer, Module? model = null,
        Func<double>? validate = null, IProgress<EpochRecord>? progress = null, Action? afterBatch = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (Options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), Options.BatchSize, "BatchSize must be ≥ 1.");
        var history = new List<EpochRecord>(Options.Epochs);
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        var rng = new FastRandom(Options.Seed);
        double best = double.NaN;
        int sinceBest = 0;
        for (int epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            model?.Train();
            var clock = Stopwatch.StartNew();
            if (Options.Shuffle) rng.Shuffle(order);
            double total = 0;
            using (arena.Activate())
            {
                for (int start = 0; start < count; start += Options.BatchSize)
                {
                    var rows = order.AsSpan(start, Math.Min(Options.BatchSize, count - start));
                    arena.Reset();
                    optimizer.ZeroGrad();
                    var loss = batchLoss(rows);
                    loss.Backward();
                    optimizer.Step();
                    total += (double)loss.Item() * rows.Length;
                    afterBatch?.Invoke();
                }
                arena.Reset();
            }
            double seconds = clock.Elapsed.TotalSeconds;
            double metric = double.NaN;
            if (validate is not null)
            {
                model?.Eval();
                using (Autograd.NoGrad()) metric = validate();
                model?.Train();
            }
            var record = new EpochRecord(epoch, count == 0 ? double.NaN : total / count, metric, seconds);
            history.Add(record);
            progress?.Report(record);
            if (Options.EarlyStoppingPatience is { } patience && !double.IsNaN(metric))
            {
                bool improved = double.IsNaN(best) || (Options.HigherIsBetter ? metric > best : metric < best);
                if (improved) { best = metric; sinceBest = 0; }
                else if (++sinceBest >= patience) break;
            }
        }
        return history;
    }
}
