using RecCourse.Data;
using RecCourse.Metrics;
using RecCourse.Models;

namespace RecCourse.Fairness;

/// <summary>
/// Popularity bias of recommendations (Abdollahpouri et al. 2019): do the lists concentrate on the
/// short head beyond what users' tastes justify? <see cref="Measure"/> summarises a set of lists;
/// <see cref="Tradeoff"/> sweeps a re-ranking mitigation and reports accuracy next to the bias, since
/// every gain in long-tail exposure is paid for in accuracy against (popularity-biased) test data.
/// </summary>
public static class PopularityBias
{
    /// <summary>ARP, APLT, Gini and coverage of <paramref name="lists"/> (one list per user; empty lists are skipped in the user means).</summary>
    public static PopularityMetrics Measure(int[][] lists, ItemPopularity popularity)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(popularity);
        return new PopularityMetrics(BeyondAccuracy.Arp(lists, popularity.Counts), BeyondAccuracy.Aplt(lists, popularity.IsLongTail),
            BeyondAccuracy.Gini(lists, popularity.NumItems), BeyondAccuracy.CatalogCoverage(lists, popularity.NumItems));
    }

    /// <summary>
    /// Accuracy / popularity trade-off of <paramref name="method"/> for each λ in <paramref name="lambdas"/>:
    /// lists are re-ranked from the model's top-<paramref name="candidates"/>, accuracy is measured
    /// against <paramref name="test"/> ratings ≥ <paramref name="relevanceThreshold"/>.
    /// </summary>
    public static IReadOnlyList<PopularityTradeoffRow> Tradeoff(IRecommender model, RatingTable train, RatingTable test, IReadOnlyList<double> lambdas,
        PopularityReranker method = PopularityReranker.XQuad, int k = 10, int candidates = 100, float relevanceThreshold = 4f, ItemPopularity? popularity = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(lambdas);
        popularity ??= ItemPopularity.FromRatings(train, model.NumItems);
        var relevant = new HashSet<int>?[model.NumUsers];
        for (int r = 0; r < test.Count; r++)
            if (test.Values[r] >= relevanceThreshold) (relevant[test.Users[r]] ??= new HashSet<int>()).Add(test.Items[r]);

        var rows = new List<PopularityTradeoffRow>(lambdas.Count);
        foreach (double lambda in lambdas)
        {
            var lists = PopularityReranking.TopK(model, train, popularity, k, lambda, method, candidates);
            double ndcg = 0, precision = 0, recall = 0; int users = 0;
            for (int u = 0; u < lists.Length; u++)
            {
                if (relevant[u] is not { Count: > 0 } rel) continue;
                var (n, p, rc, _) = RankingScores.AtK(lists[u], rel, k);
                ndcg += n; precision += p; recall += rc; users++;
            }
            var m = Measure(lists, popularity);
            rows.Add(new PopularityTradeoffRow(method.ToString(), lambda, ndcg / Math.Max(1, users), precision / Math.Max(1, users),
                recall / Math.Max(1, users), m.Arp, m.Aplt, m.Gini, m.Coverage));
        }
        return rows;
    }
}
