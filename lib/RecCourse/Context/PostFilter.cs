namespace RecCourse.Context;

/// <summary>
/// Contextual post-filtering (Panniello et al. 2009): a context-blind model ranks items, then the
/// ranking is adjusted by each item's relevance in the target context.
/// </summary>
public static class PostFilter
{
    /// <summary>
    /// Filter: keeps, in their order, the <paramref name="ranked"/> items whose relevance for
    /// <paramref name="user"/> in the context is at least
    /// <paramref name="threshold"/>; the rest are dropped.
    /// </summary>
    public static int[] Filter(IEnumerable<int> ranked, IContextualRelevance relevance, int user, ReadOnlySpan<int> context, double threshold)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevance);
        var kept = new List<int>();
        foreach (int item in ranked)
            if (relevance.Probability(user, item, context) >= threshold) kept.Add(item);
        return kept.ToArray();
    }

    /// <summary>
    /// Weight: multiplies each item's score in <paramref name="scores"/> (indexed by item) by its relevance
    /// for <paramref name="user"/> in the context, in place. The result is a ranking score, not a rating: use it to re-rank, not to compute RMSE.
    /// Scores should be non-negative (e.g. predicted ratings) for the product to mean "more relevant".
    /// </summary>
    public static void Weight(Span<float> scores, IContextualRelevance relevance, int user, ReadOnlySpan<int> context)
    {
        ArgumentNullException.ThrowIfNull(relevance);
        for (int i = 0; i < scores.Length; i++) scores[i] = (float)(scores[i] * relevance.Probability(user, i, context));
    }
}
