using RecCourse.Metrics;

namespace RecCourse.Fairness;

/// <summary>One user's binary-relevance ranking metrics via the shared <see cref="RankingMetrics"/> definitions.</summary>
internal static class RankingScores
{
    public static (double Ndcg, double Precision, double Recall, double Hit) AtK(int[] top, HashSet<int> relevant, int k)
    {
        int hits = RankingMetrics.Hits(top, relevant, k);
        return (RankingMetrics.Ndcg(top, relevant, k), (double)hits / k, (double)hits / relevant.Count, hits > 0 ? 1 : 0);
    }
}
