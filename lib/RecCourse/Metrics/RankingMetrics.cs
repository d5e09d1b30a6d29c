namespace RecCourse.Metrics;

/// <summary>
/// Top-K ranking metrics, following MS Recommenders' definitions (binary relevance).
/// One signature style: <c>recommended[u]</c> is user u's ranked list of item indices (best first)
/// and <c>relevant[u]</c> the items that count as hits for u (any order); the two lists are aligned
/// by position. Each metric is the mean over users with at least one relevant item: users with an
/// empty relevant set are skipped, and the result is 0 when no user has a relevant item.
/// A user with relevant items but an empty list scores 0 (MS Recommenders drops such users).
/// Every value lies in [0, 1], 1 being perfect (but see <see cref="PrecisionAtK"/>).
/// </summary>
public static class RankingMetrics
{
    /// <summary>
    /// Precision@K: hits in the top K divided by K (not by the list length). Reaches 1 only when a
    /// user has at least K relevant items.
    /// </summary>
    public static double PrecisionAtK(IReadOnlyList<int[]> recommended, IReadOnlyList<int[]> relevant, int k) =>
        Mean(recommended, relevant, k, (rec, rel, kk) => Hits(rec, rel, kk) / (double)kk);

    /// <summary>Recall@K: hits in the top K divided by the number of relevant items.</summary>
    public static double RecallAtK(IReadOnlyList<int[]> recommended, IReadOnlyList<int[]> relevant, int k) =>
        Mean(recommended, relevant, k, (rec, rel, kk) => Hits(rec, rel, kk) / (double)rel.Count);

    /// <summary>Hit rate@K: 1 when at least one of the top K is relevant, else 0.</summary>
    public static double HitRateAtK(IReadOnlyList<int[]> recommended, IReadOnlyList<int[]> relevant, int k) =>
        Mean(recommended, relevant, k, (rec, rel, kk) => Hits(rec, rel, kk) > 0 ? 1 : 0);

    /// <summary>
    /// NDCG@K with binary relevance and a log2 discount: DCG = Σ_{r ≤ K, hit at rank r} 1/log2(r + 1)
    /// (ranks 1-based), divided by the ideal DCG of min(|relevant|, K) hits at the top.
    /// </summary>
    public static double NdcgAtK(IReadOnlyList<int[]> recommended, IReadOnlyList<int[]> relevant, int k) =>
        Mean(recommended, relevant, k, Ndcg);

    /// <summary>
    /// MAP@K: mean over users of Σ_{r ≤ K, hit at rank r} Precision@r, divided by min(|relevant|, K)
    /// (the usual definition, and MS Recommenders' <c>map_at_k</c> since 1.2). With
    /// <paramref name="divideByAllRelevant"/> it divides by |relevant| instead, as MS Recommenders'
    /// <c>map</c> (and <c>map_at_k</c> before 1.2, used in its published benchmark tables) does; that
    /// variant cannot reach 1 when a user has more than K relevant items.
    /// </summary>
    public static double MapAtK(IReadOnlyList<int[]> recommended, IReadOnlyList<int[]> relevant, int k, bool divideByAllRelevant = false) =>
        Mean(recommended, relevant, k, (rec, rel, kk) => AveragePrecision(rec, rel, kk, divideByAllRelevant));

    /// <summary>
    /// Mean reciprocal rank: 1/r for the first relevant item at rank r (1-based) within the top
    /// <paramref name="k"/> (the whole list when null), 0 when none.
    /// </summary>
    public static double Mrr(IReadOnlyList<int[]> recommended, IReadOnlyList<int[]> relevant, int? k = null) =>
        Mean(recommended, relevant, k ?? int.MaxValue, ReciprocalRank);

    /// <summary>
    /// ROC AUC of <paramref name="scores"/> for binary <paramref name="labels"/>: the probability that a
    /// random positive outscores a random negative, ties counting one half (Mann–Whitney U with mid-ranks).
    /// O(n log n). NaN when there is no positive or no negative. NaN scores rank lowest.
    /// </summary>
    public static double Auc(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length) throw new ArgumentException($"scores has {scores.Length} values but labels has {labels.Length}.");
        var keys = new float[scores.Length]; var labs = new bool[scores.Length];
        scores.CopyTo(keys); labels.CopyTo(labs);
        return AucInPlace(keys, labs);
    }

    /// <summary>
    /// AUC that sorts <paramref name="scores"/> and <paramref name="labels"/> in place (both are
    /// overwritten) so callers with their own buffers allocate nothing.
    /// </summary>
    public static double AucInPlace(Span<float> scores, Span<bool> labels)
    {
        int n = scores.Length;
        if (labels.Length != n) throw new ArgumentException($"scores has {n} values but labels has {labels.Length}.");
        long pos = 0;
        for (int k = 0; k < n; k++)
        {
            if (labels[k]) pos++;
            if (float.IsNaN(scores[k])) scores[k] = float.NegativeInfinity;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) return double.NaN;
        scores.Sort(labels);
        // Sum of the (1-based, tie-averaged) ranks of the positives.
        double rankSum = 0;
        for (int s = 0; s < n;)
        {
            int e = s;
            while (e + 1 < n && scores[e + 1] == scores[s]) e++;
            double midRank = (s + e) / 2.0 + 1;
            for (int t = s; t <= e; t++) if (labels[t]) rankSum += midRank;
            s = e + 1;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double)pos * neg);
    }

    // ---- per-user pieces (shared with RankingEvaluator) ----

    internal static int Hits(ReadOnlySpan<int> rec, IReadOnlySet<int> rel, int k)
    {
        int h = 0, n = Math.Min(k, rec.Length);
        for (int r = 0; r < n; r++) if (rel.Contains(rec[r])) h++;
        return h;
    }

    internal static double Ndcg(ReadOnlySpan<int> rec, IReadOnlySet<int> rel, int k)
    {
        double dcg = 0, idcg = 0;
        int n = Math.Min(k, rec.Length);
        for (int r = 0; r < n; r++) if (rel.Contains(rec[r])) dcg += 1 / Math.Log2(r + 2);
        int ideal = Math.Min(k, rel.Count);
        for (int r = 0; r < ideal; r++) idcg += 1 / Math.Log2(r + 2);
        return idcg == 0 ? 0 : dcg / idcg;
    }

    internal static double AveragePrecision(ReadOnlySpan<int> rec, IReadOnlySet<int> rel, int k, bool divideByAllRelevant)
    {
        double sum = 0; int hits = 0, n = Math.Min(k, rec.Length);
        for (int r = 0; r < n; r++)
            if (rel.Contains(rec[r])) { hits++; sum += hits / (double)(r + 1); }
        int denominator = divideByAllRelevant ? rel.Count : Math.Min(rel.Count, k);
        return denominator == 0 ? 0 : sum / denominator;
    }

    internal static double ReciprocalRank(ReadOnlySpan<int> rec, IReadOnlySet<int> rel, int k)
    {
        int n = Math.Min(k, rec.Length);
        for (int r = 0; r < n; r++) if (rel.Contains(rec[r])) return 1.0 / (r + 1);
        return 0;
    }

    private delegate double PerUser(ReadOnlySpan<int> rec, IReadOnlySet<int> rel, int k);

    private static double Mean(IReadOnlyList<int[]> recommended, IReadOnlyList<int[]> relevant, int k, PerUser metric)
    {
        if (recommended.Count != relevant.Count)
            throw new ArgumentException($"recommended has {recommended.Count} users but relevant has {relevant.Count}; the lists are aligned by user.");
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "K must be at least 1.");
        double sum = 0; int users = 0;
        for (int u = 0; u < relevant.Count; u++)
        {
            if (relevant[u] is not { Length: > 0 } rel) continue;
            sum += metric(recommended[u] ?? [], new HashSet<int>(rel), k);
            users++;
        }
        return users == 0 ? 0 : sum / users;
    }
}
