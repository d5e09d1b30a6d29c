using RecCourse.Models;

namespace RecCourse.Fairness;

/// <summary>Per-user ranking metrics of a model's top-K against each user's relevant test items (weight 0 = user left out).</summary>
internal sealed record RankingPerUser(double[] Ndcg, double[] Precision, double[] Recall, double[] HitRate, double[] Weight)
{
    public static RankingPerUser Compute(IRecommender model, HashSet<int>?[] relevant, HashSet<int>[]? seen, int k)
    {
        int nu = model.NumUsers;
        var ndcg = new double[nu]; var precision = new double[nu]; var recall = new double[nu]; var hit = new double[nu]; var weight = new double[nu];
        var scores = new float[model.NumItems];
        for (int u = 0; u < nu; u++)
        {
            if (relevant[u] is not { Count: > 0 } rel) continue;
            model.ScoreItems(u, scores);
            var userSeen = seen?[u];
            var top = RecommendationLists.TopK(scores, k, userSeen is null ? null : userSeen.Contains);
            var (n, p, r, h) = RankingScores.AtK(top, rel, k);
            ndcg[u] = n; precision[u] = p; recall[u] = r; hit[u] = h; weight[u] = 1;
        }
        return new RankingPerUser(ndcg, precision, recall, hit, weight);
    }
}
