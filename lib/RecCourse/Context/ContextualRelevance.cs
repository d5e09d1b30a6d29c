using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// How typical a context is for an item, from item–context frequencies in the training ratings:
/// P(c | i) = (n_{i,c} + s·P(c)) / (n_i + s), the share of the item's ratings given in context c,
/// shrunk towards the global share P(c) by <see cref="Smoothing"/> pseudo-ratings s so that rarely
/// rated items are not judged on two ratings. This is the relevance that post-filtering uses
/// (Panniello et al. 2009 estimate it from the user's neighbours, see <see cref="NeighbourContextualRelevance"/>;
/// item frequencies are the simpler, user-independent variant).
/// </summary>
public sealed class ContextualRelevance : IContextualRelevance
{
    private readonly RatingTable _train;
    private readonly int _numItems;
    private readonly int[] _itemCount;
    private readonly Dictionary<string, (int[] PerItem, int Total)> _cache = new();

    /// <param name="train">Ratings with context columns.</param>
    /// <param name="smoothing">s ≥ 0; 0 gives the raw frequency (0 for unrated items).</param>
    public ContextualRelevance(RatingTable train, int numItems, double smoothing = 5)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Context is null) throw new ArgumentException("Contextual relevance needs a rating table with context columns.", nameof(train));
        if (!(smoothing >= 0)) throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "Smoothing must be ≥ 0.");
        _train = train; _numItems = numItems; Smoothing = smoothing;
        _itemCount = new int[numItems];
        foreach (int i in train.Items)
        {
            if ((uint)i >= (uint)numItems) throw new ArgumentException($"Item {i} outside [0, {numItems}).", nameof(train));
            _itemCount[i]++;
        }
    }

    public double Smoothing { get; }

    /// <summary>P(c | i) in [0, 1] for <paramref name="context"/> (one condition per dimension, <see cref="ExactPreFilter.Any"/> = any).</summary>
    public double Probability(int item, ReadOnlySpan<int> context)
    {
        if ((uint)item >= (uint)_numItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"Item index outside [0, {_numItems}).");
        var (perItem, total) = Counts(context);
        double prior = _train.Count == 0 ? 0 : (double)total / _train.Count;
        double denominator = _itemCount[item] + Smoothing;
        return denominator == 0 ? 0 : (perItem[item] + Smoothing * prior) / denominator;
    }

    /// <summary>The same for every user: <see cref="Probability(int, ReadOnlySpan{int})"/>.</summary>
    public double Probability(int user, int item, ReadOnlySpan<int> context) => Probability(item, context);

    private (int[] PerItem, int Total) Counts(ReadOnlySpan<int> context)
    {
        var ctx = _train.Context!;
        if (context.Length != ctx.Length) throw new ArgumentException($"Context has {context.Length} conditions; the ratings have {ctx.Length} dimensions.", nameof(context));
        string key = string.Join(",", context.ToArray());
        if (_cache.TryGetValue(key, out var counts)) return counts;
        var perItem = new int[_numItems];
        int total = 0;
        for (int r = 0; r < _train.Count; r++)
        {
            bool match = true;
            for (int d = 0; d < context.Length && match; d++) match = context[d] == ExactPreFilter.Any || ctx[d][r] == context[d];
            if (match) { perItem[_train.Items[r]]++; total++; }
        }
        return _cache[key] = (perItem, total);
    }
}
