using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// How typical a context is for an item, from item–context frequencies in the training ratings:
/// P(c | i) = (n_{i,c} + s·P(c)) / (n_i + s), the share of the item's ratings given in context c,
/// shrunk towards the global share P(c) by <see cref="Smoothing"/> pseudo-ratings s so that rarely
/// rated items are not judged on two ratings. This is the relevance that post-filtering uses
/// (Panniello et al. 2009 estimate it from the user's neighbours, see <see cref="NeighbourContextualRelevance"/>;
/// item frequencies are the simpler, user-independent variant). Ratings whose condition is
/// <see cref="ContextCondition.Unknown"/> in a dimension the context fixes are left out of n_i, n_{i,c}
/// and P(c): nothing is known about where they were given.
/// </summary>
public sealed class ContextualRelevance : IContextualRelevance
{
    private readonly RatingTable _train;
    private readonly int _numItems;
    private readonly Dictionary<string, Counted> _cache = new();

    private sealed record Counted(int[] PerItem, int Total, int[] KnownPerItem, int KnownTotal);

    /// <param name="train">Ratings with context columns.</param>
    /// <param name="smoothing">s ≥ 0; 0 gives the raw frequency (0 for unrated items).</param>
    public ContextualRelevance(RatingTable train, int numItems, double smoothing = 5)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Context is null) throw new ArgumentException("Contextual relevance needs a rating table with context columns.", nameof(train));
        if (!(smoothing >= 0)) throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "Smoothing must be ≥ 0.");
        _train = train; _numItems = numItems; Smoothing = smoothing;
        foreach (int i in train.Items)
            if ((uint)i >= (uint)numItems) throw new ArgumentException($"Item {i} outside [0, {numItems}).", nameof(train));
    }

    public double Smoothing { get; }

    /// <summary>P(c | i) in [0, 1] for <paramref name="context"/> (one condition per dimension, <see cref="ExactPreFilter.Any"/> = any).</summary>
    public double Probability(int item, ReadOnlySpan<int> context)
    {
        if ((uint)item >= (uint)_numItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"Item index outside [0, {_numItems}).");
        var counts = Counts(context);
        double prior = counts.KnownTotal == 0 ? 0 : (double)counts.Total / counts.KnownTotal;
        double denominator = counts.KnownPerItem[item] + Smoothing;
        return denominator == 0 ? 0 : (counts.PerItem[item] + Smoothing * prior) / denominator;
    }

    /// <summary>The same for every user: <see cref="Probability(int, ReadOnlySpan{int})"/>.</summary>
    public double Probability(int user, int item, ReadOnlySpan<int> context) => Probability(item, context);

    private Counted Counts(ReadOnlySpan<int> context)
    {
        var ctx = _train.Context!;
        if (context.Length != ctx.Length) throw new ArgumentException($"Context has {context.Length} conditions; the ratings have {ctx.Length} dimensions.", nameof(context));
        string key = string.Join(",", context.ToArray());
        if (_cache.TryGetValue(key, out var counts)) return counts;
        var perItem = new int[_numItems];
        var knownPerItem = new int[_numItems];
        int total = 0, knownTotal = 0;
        for (int r = 0; r < _train.Count; r++)
        {
            bool known = true, match = true;
            for (int d = 0; d < context.Length && known; d++)
            {
                if (context[d] == ExactPreFilter.Any) continue;
                if (ctx[d][r] == ContextCondition.Unknown) known = false;
                else if (ctx[d][r] != context[d]) match = false;
            }
            if (!known) continue;
            knownPerItem[_train.Items[r]]++; knownTotal++;
            if (match) { perItem[_train.Items[r]]++; total++; }
        }
        return _cache[key] = new Counted(perItem, total, knownPerItem, knownTotal);
    }
}
