using RecCourse.Data;

namespace RecCourse.Models;

/// <summary>
/// Hit rate and NDCG of one held-out item per user, exactly as the course's PyTorch reference
/// (rank_metrics): score all items, drop the user's training items, and take the held-out item's
/// 0-based rank as the number of other candidates scoring ≥ it (ties count against the model).
/// </summary>
public static class HoldoutRanking
{
    /// <summary>Mean HR@K and NDCG@K (1/log2(rank + 2) on a hit) over the rows of <paramref name="test"/>.</summary>
    /// <param name="train">Items to exclude per user (the training positives).</param>
    public static (double HitRate, double Ndcg, int Users) Evaluate(IRecommender model, UserItemIndex train, RatingTable test, int k = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (train.NumUsers != model.NumUsers || train.NumItems != model.NumItems)
            throw new ArgumentException($"train index is {train.NumUsers}×{train.NumItems}, model is {model.NumUsers}×{model.NumItems}", nameof(train));
        var hits = new double[test.Count]; var gains = new double[test.Count];
        Parallel.For(0, test.Count, () => new float[model.NumItems], (r, _, scores) =>
        {
            int u = test.Users[r], target = test.Items[r];
            model.ScoreItems(u, scores);
            foreach (int i in train.ItemsOf(u)) scores[i] = float.NegativeInfinity;
            float t = scores[target];
            int rank = -1;
            foreach (float s in scores) if (s >= t) rank++;
            if (rank < k) { hits[r] = 1; gains[r] = 1 / Math.Log2(rank + 2); }
            return scores;
        }, _ => { });
        int n = Math.Max(1, test.Count);
        return (hits.Sum() / n, gains.Sum() / n, test.Count);
    }
}
