namespace RecCourse.Fairness;

/// <summary>Stand-in binary-relevance ranking metrics until the Metrics land.</summary>
internal static class RankingScores
{
    public static (double Ndcg, double Precision, double Recall, double Hit) AtK(int[] top, HashSet<int> relevant, int k)
    {
        double dcg = 0, idcg = 0; int hits = 0;
        for (int p = 0; p < top.Length && p < k; p++)
            if (relevant.Contains(top[p])) { hits++; dcg += 1 / Math.Log2(p + 2); }
        for (int p = 0; p < Math.Min(k, relevant.Count); p++) idcg += 1 / Math.Log2(p + 2);
        return (idcg > 0 ? dcg / idcg : 0, (double)hits / k, (double)hits / relevant.Count, hits > 0 ? 1 : 0);
    }
}
