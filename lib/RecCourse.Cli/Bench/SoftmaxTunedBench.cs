using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Cli.Bench;

/// <summary>
/// <c>reccourse bench softmax-tuned</c>: the YouTube-style candidate generator
/// (<see cref="CandidateOptions"/> defaults) on the reference's leave-last-positive-out protocol
/// (ratings ≥ 4 positive, each user's last positive held out, all items ranked except training
/// positives, ties counted against the model). HR@10 and NDCG@10 after every epoch.
/// </summary>
public sealed class SoftmaxTunedBench : IBenchTask
{
    public string Name => "softmax-tuned";
    public string Description => "Candidate generation (history mean + demographics tower, softmax) on leave-last-positive-out: HR@10/NDCG@10";

    public BenchResult Run(BenchOptions options, Action<string> log)
    {
        var data = MovieLens100k.Load(options.DataDir);
        var (train, test) = Splits.LeaveLastPositiveOut(data.Ratings);
        var trainIndex = UserItemIndex.Build(train, data.NumUsers, data.NumItems);
        var o = new CandidateOptions { Seed = options.Seed };
        if (options.Epochs is int e) o = o with { Epochs = e };
        log($"softmax-tuned: {o.Sampling} softmax, tower [{o.HistoryDimensions}+demographics → {string.Join("→", o.HiddenWidths)} → {o.OutputDimensions}], " +
            $"Adam {o.LearningRate}, batch {o.BatchSize}, {o.Epochs} epochs; {train.Count} train positives, {test.Count} test users");
        var r = CandidateTrainer.Fit(train, data.NumUsers, data.NumItems, HybridFeatures.FromDataset(data), o,
            m => HoldoutRanking.Evaluate(m, trainIndex, test).HitRate,
            h => log($"  epoch {h.Epoch,3}  {h.Seconds,7:F3}s  train_ce {h.TrainLoss:F4}  HR@10 {h.ValidationMetric:F4}"));
        var (hr, ndcg, _) = HoldoutRanking.Evaluate(r.Model, trainIndex, test);
        double total = r.History.Sum(h => h.Seconds);
        return new BenchResult(Name, r.History.Count, options.Threads, total / r.History.Count, total,
            new Dictionary<string, double> { ["hr10"] = hr, ["ndcg10"] = ndcg });
    }
}
