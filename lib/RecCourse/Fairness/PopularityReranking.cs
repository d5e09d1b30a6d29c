using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Fairness;

/// <summary>
/// Post-processing mitigations of popularity bias: take each user's top-N candidates from any model
/// and re-rank them so long-tail items get more of the top K. λ = 0 gives the model's own top K.
/// <list type="bullet">
/// <item><see cref="PopularityReranker.Penalty"/>: score s′_i = ŝ_i − λ·n_i / max n, with ŝ the
/// candidate scores min-max scaled to [0, 1] and n the training popularity.</item>
/// <item><see cref="PopularityReranker.XQuad"/>: greedy selection of argmax over candidates v of
/// (1 − λ)·ŝ_v + λ·Σ_{c ∈ {head, tail}} P(c|u)·[v ∈ c]·(1 − |S ∩ c| / |S|), where S is the list so far
/// (the coverage term is 1 while S is empty) and P(c|u) is the share of the user's training items in c
/// ("smooth" xQuAD of Abdollahpouri, Burke &amp; Mobasher 2019). A category's bonus shrinks as its
/// share of the list grows, so as λ → 1 each list drifts towards the user's own head / tail
/// proportions: users with a taste for the tail get more tail items (a personalised, calibrating
/// mitigation), while a model that already over-serves the tail is pulled back towards the head.</item>
/// </list>
/// </summary>
public static class PopularityReranking
{
    /// <summary>Re-ranked top-K lists for every user, best first, never including items in <paramref name="train"/>.</summary>
    /// <param name="lambda">Strength in [0, 1] for xQuAD, ≥ 0 for the penalty.</param>
    /// <param name="candidates">N ≥ k: how deep into the model's ranking the re-ranker may reach.</param>
    public static int[][] TopK(IRecommender model, RatingTable train, ItemPopularity popularity, int k, double lambda,
        PopularityReranker method = PopularityReranker.XQuad, int candidates = 100)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(popularity);
        if (popularity.NumItems != model.NumItems) throw new ArgumentException($"Popularity covers {popularity.NumItems} items, the model {model.NumItems}.", nameof(popularity));
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be ≥ 1.");
        if (candidates < k) throw new ArgumentOutOfRangeException(nameof(candidates), candidates, $"Need at least k = {k} candidates.");
        if (!(lambda >= 0) || (method == PopularityReranker.XQuad && lambda > 1))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, method == PopularityReranker.XQuad ? "xQuAD needs λ in [0, 1]." : "λ must be ≥ 0.");

        var seen = RecommendationLists.SeenSets(train, model.NumUsers);
        double maxCount = Math.Max(1, popularity.Counts.Max());
        var scores = new float[model.NumItems];
        var lists = new int[model.NumUsers][];
        for (int u = 0; u < model.NumUsers; u++)
        {
            model.ScoreItems(u, scores);
            var pool = RecommendationLists.TopK(scores, candidates, seen[u].Contains);
            var scaled = MinMax(pool.Select(i => (double)scores[i]).ToArray());
            lists[u] = method == PopularityReranker.Penalty
                ? Penalty(pool, scaled, popularity, maxCount, k, lambda)
                : XQuad(pool, scaled, popularity, TailAffinity(seen[u], popularity), k, lambda);
        }
        return lists;
    }

    private static int[] Penalty(int[] pool, double[] scaled, ItemPopularity popularity, double maxCount, int k, double lambda) =>
        Enumerable.Range(0, pool.Length)
            .OrderByDescending(c => scaled[c] - lambda * popularity.Counts[pool[c]] / maxCount).ThenBy(c => c)
            .Take(k).Select(c => pool[c]).ToArray();

    private static int[] XQuad(int[] pool, double[] scaled, ItemPopularity popularity, double tailShare, int k, double lambda)
    {
        var chosen = new List<int>(k);
        var taken = new bool[pool.Length];
        int inTail = 0;
        while (chosen.Count < Math.Min(k, pool.Length))
        {
            int best = -1; double bestValue = double.NegativeInfinity;
            for (int c = 0; c < pool.Length; c++)
            {
                if (taken[c]) continue;
                bool tail = popularity.IsLongTail[pool[c]];
                double share = chosen.Count == 0 ? 0 : (tail ? inTail : chosen.Count - inTail) / (double)chosen.Count;
                double coverage = (tail ? tailShare : 1 - tailShare) * (1 - share);
                double value = (1 - lambda) * scaled[c] + lambda * coverage;
                if (value > bestValue) { bestValue = value; best = c; }
            }
            taken[best] = true;
            chosen.Add(pool[best]);
            if (popularity.IsLongTail[pool[best]]) inTail++;
        }
        return chosen.ToArray();
    }

    /// <summary>P(tail | u): the share of the user's training items in the long tail (0.5 for a user with none).</summary>
    private static double TailAffinity(HashSet<int> items, ItemPopularity popularity) =>
        items.Count == 0 ? 0.5 : items.Count(i => popularity.IsLongTail[i]) / (double)items.Count;

    private static double[] MinMax(double[] v)
    {
        if (v.Length == 0) return v;
        double min = v.Min(), max = v.Max(), range = max - min;
        return v.Select(x => range > 0 ? (x - min) / range : 1.0).ToArray();
    }
}
