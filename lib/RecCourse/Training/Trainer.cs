using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace RecCourse.Training;

/// <summary>
/// The kit's one mini-batch training loop for TorchSharp models. Each epoch shuffles the example rows
/// with a seeded generator, and each batch runs the five lines of every PyTorch loop — zero the
/// gradients, forward and loss (<c>batchLoss</c>), backward, step — inside its own
/// <c>torch.NewDisposeScope()</c>, so native memory does not grow with the number of batches.
/// After each epoch it evaluates under <c>torch.no_grad()</c> in eval mode and reports an
/// <see cref="EpochRecord"/>; it stops early on a stalled validation metric or a non-finite loss.
/// </summary>
public sealed class Trainer(TrainerOptions options)
{
    public TrainerOptions Options { get; } = options;

    /// <summary>Trains for <see cref="TrainerOptions.Epochs"/> epochs (fewer when stopping early).</summary>
    /// <param name="model">Switched to <c>train()</c> for each pass and <c>eval()</c> for validation.</param>
    /// <param name="optimizer">Steps after each backward pass. Its parameters' gradients are set to
    /// none before each batch (PyTorch 2's <c>zero_grad(set_to_none=True)</c>).</param>
    /// <param name="count">Number of training examples; batches are int64 row numbers in [0, count).</param>
    /// <param name="batchLoss">Forward pass and scalar mean loss of one batch. Its argument is a 1-D
    /// int64 tensor of row numbers on <paramref name="device"/> (default: <see cref="Backend.Device"/>).</param>
    /// <param name="validate">Validation metric after each epoch (optional); runs in eval mode under no_grad.</param>
    /// <param name="progress">Receives each epoch's record as soon as it is known (CLI, notebook).</param>
    /// <param name="afterBatch">Called after every optimiser step, e.g. for a per-batch LR schedule.</param>
    public IReadOnlyList<EpochRecord> Fit(nn.Module model, optim.Optimizer optimizer, long count, Func<Tensor, Tensor> batchLoss,
        Func<double>? validate = null, IProgress<EpochRecord>? progress = null, Action? afterBatch = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(batchLoss);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Options.Validate();
        Backend.Initialize();
        device ??= Backend.Device;
        var parameters = optimizer.parameters().ToArray();
        var history = new List<EpochRecord>(Options.Epochs);
        using var generator = new Generator((ulong)Options.Seed);
        double best = double.NaN;
        int sinceBest = 0;
        Dictionary<string, Tensor>? bestWeights = null;
        try
        {
            for (int epoch = 1; epoch <= Options.Epochs; epoch++)
            {
                model.train();
                var clock = Stopwatch.StartNew();
                double meanLoss;
                using (var epochScope = NewDisposeScope())
                {
                    var order = Options.Shuffle ? randperm(count, generator: generator) : arange(count);
                    if (device.type != DeviceType.CPU) order = order.to(device);
                    var total = zeros(1, ScalarType.Float64, device);
                    for (long start = 0; start < count; start += Options.BatchSize)
                    {
                        using var batchScope = NewDisposeScope();
                        long n = Math.Min(Options.BatchSize, count - start);
                        var rows = order.narrow(0, start, n);
                        foreach (var p in parameters) p.grad = null;
                        var loss = batchLoss(rows);
                        loss.backward();
                        optimizer.step();
                        using (no_grad()) total.add_(loss.detach(), alpha: n);
                        afterBatch?.Invoke();
                    }
                    meanLoss = count == 0 ? double.NaN : total.item<double>() / count;
                }
                double seconds = clock.Elapsed.TotalSeconds;
                double metric = double.NaN;
                if (validate is not null)
                {
                    model.eval();
                    using (no_grad())
                    using (NewDisposeScope())
                        metric = validate();
                    model.train();
                }
                var record = new EpochRecord(epoch, meanLoss, metric, seconds);
                history.Add(record);
                progress?.Report(record);
                if (!double.IsFinite(meanLoss) && count > 0) break; // diverged: more epochs only spread NaN
                if (double.IsNaN(metric)) continue;
                bool improved = double.IsNaN(best) || (Options.HigherIsBetter ? metric > best : metric < best);
                if (improved)
                {
                    best = metric;
                    sinceBest = 0;
                    if (Options.RestoreBestWeights) bestWeights = Snapshot(model, bestWeights);
                }
                else if (Options.EarlyStoppingPatience is { } patience && ++sinceBest >= patience) break;
            }
            if (bestWeights is not null)
                using (no_grad())
                    foreach (var (name, value) in model.state_dict())
                        if (bestWeights.TryGetValue(name, out var saved)) value.copy_(saved);
        }
        finally
        {
            if (bestWeights is not null) foreach (var t in bestWeights.Values) t.Dispose();
        }
        return history;
    }

    private static Dictionary<string, Tensor> Snapshot(nn.Module model, Dictionary<string, Tensor>? previous)
    {
        if (previous is not null) foreach (var t in previous.Values) t.Dispose();
        using var _ = no_grad();
        return model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());
    }
}
