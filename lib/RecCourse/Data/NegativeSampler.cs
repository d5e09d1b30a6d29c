namespace RecCourse.Data;

/// <summary>
/// Draws negative items for a user: items from the proposal distribution (uniform or
/// popularity-weighted) that are not among the user's positives, by rejection. Proposal draws are
/// O(1) (Walker/Vose alias table) and membership checks a binary search in the shared
/// <see cref="UserItemIndex"/>, so a draw allocates nothing; it is meant for inner training loops.
/// Seeded and deterministic; not thread-safe (create one sampler per thread with distinct seeds).
/// </summary>
public sealed class NegativeSampler
{
    private readonly UserItemIndex _positives;
    private readonly double[] _prob;   // alias-table acceptance probability per column
    private readonly int[] _alias;
    private readonly double[] _proposal;
    private readonly double[] _excludedMass;
    private readonly RecRandom _rng;

    /// <param name="positives">Each user's items to exclude (typically the training positives); also gives item counts for <see cref="NegativeSampling.Popularity"/>.</param>
    /// <param name="popularityExponent">Exponent on counts for the popularity proposal (word2vec uses 0.75; 1 = proportional).</param>
    /// <param name="itemCounts">Counts to use instead of those of <paramref name="positives"/> (length NumItems).</param>
    public NegativeSampler(UserItemIndex positives, NegativeSampling distribution = NegativeSampling.Uniform,
        double popularityExponent = 1.0, int seed = 42, int[]? itemCounts = null)
    {
        _positives = positives;
        Distribution = distribution;
        int n = positives.NumItems;
        if (n == 0) throw new ArgumentException("The index has no items to sample from.", nameof(positives));
        var w = new double[n];
        if (distribution == NegativeSampling.Uniform) Array.Fill(w, 1.0);
        else
        {
            var counts = itemCounts ?? positives.ItemCounts();
            if (counts.Length != n) throw new ArgumentException($"itemCounts has {counts.Length} entries for {n} items.", nameof(itemCounts));
            for (int i = 0; i < n; i++) w[i] = counts[i] <= 0 ? 0 : Math.Pow(counts[i], popularityExponent);
            if (w.Sum() <= 0) Array.Fill(w, 1.0);
        }
        double total = w.Sum();
        _proposal = w.Select(x => x / total).ToArray();
        (_prob, _alias) = BuildAlias(_proposal);
        _excludedMass = new double[positives.NumUsers];
        for (int u = 0; u < positives.NumUsers; u++)
            foreach (int i in positives.ItemsOf(u)) _excludedMass[u] += _proposal[i];
        _rng = new RecRandom(seed);
    }

    public NegativeSampling Distribution { get; }

    /// <summary>Proposal probability q(i) before excluding positives (e.g. for the log-Q correction of sampled softmax).</summary>
    public double Probability(int item) => _proposal[item];

    /// <summary>A proposal draw without excluding anything (shared negatives for a whole batch).</summary>
    public int SampleAny()
    {
        int col = _rng.NextInt(_prob.Length);
        return _rng.NextDouble() < _prob[col] ? col : _alias[col];
    }

    /// <summary>One item that <paramref name="user"/> has no positive for.</summary>
    /// <exception cref="InvalidOperationException">The user's positives cover every item the proposal can draw.</exception>
    public int Sample(int user)
    {
        if (_excludedMass[user] >= 1 - 1e-12)
            throw new InvalidOperationException($"User {user} has a positive for every item the {Distribution} proposal can draw; no negative exists.");
        var mine = _positives.ItemsOf(user);
        while (true)
        {
            int item = SampleAny();
            if (mine.BinarySearch(item) < 0) return item;
        }
    }

    /// <summary>Fills <paramref name="destination"/> with independent negatives for <paramref name="user"/> (repeats possible).</summary>
    public void Sample(int user, Span<int> destination)
    {
        for (int k = 0; k < destination.Length; k++) destination[k] = Sample(user);
    }

    /// <summary>Vose's alias method: O(n) build, O(1) draws.</summary>
    private static (double[] Prob, int[] Alias) BuildAlias(double[] p)
    {
        int n = p.Length;
        var prob = new double[n]; var alias = new int[n];
        var scaled = p.Select(x => x * n).ToArray();
        var small = new Stack<int>(); var large = new Stack<int>();
        for (int i = n - 1; i >= 0; i--) (scaled[i] < 1 ? small : large).Push(i);
        while (small.Count > 0 && large.Count > 0)
        {
            int s = small.Pop(), l = large.Pop();
            prob[s] = scaled[s]; alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }
        while (large.Count > 0) { int l = large.Pop(); prob[l] = 1; alias[l] = l; }
        // Leftovers in small are 1 up to rounding.
        while (small.Count > 0) { int s = small.Pop(); prob[s] = 1; alias[s] = s; }
        return (prob, alias);
    }
}
