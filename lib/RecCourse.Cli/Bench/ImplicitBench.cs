using RecCourse.Data;
using RecCourse.Metrics;
using RecCourse.Models;

namespace RecCourse.Cli.Bench;

/// <summary>
/// <c>reccourse bench implicit</c>: BPR-MF with item biases (<see cref="PairwiseOptions"/> defaults:
/// d = 128, λ = 0.01, SGD lr 0.05 × 0.98/epoch, 100 epochs, one uniform negative per positive) on the
/// MS Recommenders protocol: every rating of u.data is an interaction, split per user 75/25 at
/// random, all items not in the user's training set ranked, K = 10. MAP divides by all relevant items
/// (MS Recommenders' map_at_k).
/// </summary>
public sealed class ImplicitBench : IBenchTask
{
    public string Name => "implicit";
    public string Description => "BPR-MF on the per-user stratified 75/25 split of u.data: NDCG/P/R@10, MAP, AUC";

    public BenchResult Run(BenchOptions options, Action<string> log)
    {
        var data = MovieLens100k.Load(options.DataDir);
        var (train, test) = Splits.StratifiedByUser(data.Ratings, 0.75, options.Seed);
        var trainIndex = UserItemIndex.Build(train, data.NumUsers, data.NumItems);
        var testIndex = UserItemIndex.Build(test, data.NumUsers, data.NumItems);
        RankingReport Evaluate(IRecommender m) => RankingEvaluator.Evaluate((u, s) => m.ScoreItems(u, s), trainIndex, testIndex, 10, true, mapDivideByAllRelevant: true);

        var o = new PairwiseOptions { Seed = options.Seed };
        if (options.Epochs is int e) o = o with { Epochs = e };
        log($"implicit: BPR d={o.Dimensions} λ={o.Regularization} lr={o.LearningRate}×{o.LearningRateDecay}/epoch, {o.Epochs} epochs; {train.Count} train / {test.Count} test interactions");
        var r = PairwiseTrainer.Fit(train, data.NumUsers, data.NumItems, o,
            onEpoch: h => log($"  epoch {h.Epoch,3}  {h.Seconds,7:F3}s  bpr_loss {h.TrainLoss:F4}"));
        var rep = Evaluate(r.Model);
        log($"  {rep}");
        double total = r.History.Sum(h => h.Seconds);
        return new BenchResult(Name, r.History.Count, options.Threads, total / r.History.Count, total, new Dictionary<string, double>
        {
            ["ndcg10"] = rep.Ndcg, ["precision10"] = rep.Precision, ["recall10"] = rep.Recall, ["map"] = rep.Map, ["auc"] = rep.Auc,
        });
    }
}
