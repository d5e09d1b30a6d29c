using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// Contextual relevance from the user's neighbours (Panniello et al. 2009): P_c(u, i) is the fraction
/// of u's k most similar users who rated item i in context c. Similarity is the cosine of the users'
/// rating vectors over all their training ratings (context ignored; repeated ratings of an item add up).
/// Neighbour lists are computed on first use per user and cached.
/// </summary>
public sealed class NeighbourContextualRelevance : IContextualRelevance
{
    private readonly RatingTable _train;
    private readonly int _numItems;
    private readonly List<int>[] _rowsOf;
    private readonly Dictionary<int, double>[] _vector;
    private readonly double[] _norm;
    private readonly int[]?[] _neighbours;

    /// <param name="train">Ratings with context columns.</param>
    /// <param name="k">Neighbours per user (≥ 1); fewer when fewer users share an item with u.</param>
    public NeighbourContextualRelevance(RatingTable train, int numUsers, int numItems, int k = 30)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Context is null) throw new ArgumentException("Contextual relevance needs a rating table with context columns.", nameof(train));
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be ≥ 1.");
        _train = train; _numItems = numItems; K = k;
        _rowsOf = new List<int>[numUsers];
        _vector = new Dictionary<int, double>[numUsers];
        for (int u = 0; u < numUsers; u++) { _rowsOf[u] = new List<int>(); _vector[u] = new Dictionary<int, double>(); }
        for (int r = 0; r < train.Count; r++)
        {
            int u = train.Users[r], i = train.Items[r];
            if ((uint)u >= (uint)numUsers || (uint)i >= (uint)numItems)
                throw new ArgumentException($"Rating {r} has user {u} / item {i} outside {numUsers} users / {numItems} items.", nameof(train));
            _rowsOf[u].Add(r);
            _vector[u][i] = _vector[u].GetValueOrDefault(i) + train.Values[r];
        }
        _norm = _vector.Select(v => Math.Sqrt(v.Values.Sum(x => x * x))).ToArray();
        _neighbours = new int[]?[numUsers];
    }

    public int K { get; }

    /// <summary>u's neighbours, most similar first (ties: lower index first); only users with positive similarity.</summary>
    public IReadOnlyList<int> NeighboursOf(int user)
    {
        if ((uint)user >= (uint)_vector.Length) throw new ArgumentOutOfRangeException(nameof(user), user, $"User index outside [0, {_vector.Length}).");
        if (_neighbours[user] is { } cached) return cached;
        var mine = _vector[user];
        var scored = new List<(int User, double Similarity)>();
        for (int v = 0; v < _vector.Length; v++)
        {
            if (v == user || _norm[v] == 0 || _norm[user] == 0) continue;
            double dot = 0;
            foreach (var (i, x) in _vector[v]) if (mine.TryGetValue(i, out double y)) dot += x * y;
            if (dot > 0) scored.Add((v, dot / (_norm[v] * _norm[user])));
        }
        scored.Sort((a, b) => b.Similarity.CompareTo(a.Similarity) is var c and not 0 ? c : a.User.CompareTo(b.User));
        return _neighbours[user] = scored.Take(K).Select(s => s.User).ToArray();
    }

    /// <summary>Fraction of the k neighbours (denominator k, even when fewer were found) who rated <paramref name="item"/> in <paramref name="context"/>.</summary>
    public double Probability(int user, int item, ReadOnlySpan<int> context)
    {
        if ((uint)item >= (uint)_numItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"Item index outside [0, {_numItems}).");
        var ctx = _train.Context!;
        if (context.Length != ctx.Length) throw new ArgumentException($"Context has {context.Length} conditions; the ratings have {ctx.Length} dimensions.", nameof(context));
        int hits = 0;
        foreach (int v in NeighboursOf(user))
            foreach (int r in _rowsOf[v])
            {
                if (_train.Items[r] != item) continue;
                bool match = true;
                for (int d = 0; d < context.Length && match; d++) match = context[d] == ExactPreFilter.Any || ctx[d][r] == context[d];
                if (match) { hits++; break; }
            }
        return (double)hits / K;
    }
}
