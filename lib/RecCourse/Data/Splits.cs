namespace RecCourse.Data;

/// <summary>
/// Train/test splits of a rating table. Every split is a partition of the rows (each row lands in
/// exactly one part, rows keep their original order within a part) and is fully determined by its
/// seed. The <see cref="RecDataset"/> overloads keep users, items and metadata, so indices line up.
/// </summary>
public static class Splits
{
    /// <summary>Exactly round(n · <paramref name="testFraction"/>) rows, chosen uniformly at random, go to test.</summary>
    public static (RatingTable Train, RatingTable Test) RandomHoldout(RatingTable ratings, double testFraction = 0.2, int seed = 42)
    {
        CheckFraction(testFraction, nameof(testFraction));
        int n = ratings.Count;
        var perm = Identity(n);
        new RecRandom(seed).Shuffle(perm.AsSpan());
        int nTest = (int)Math.Round(n * testFraction, MidpointRounding.ToEven);
        var isTest = new bool[n];
        for (int k = 0; k < nTest; k++) isTest[perm[k]] = true;
        return Partition(ratings, isTest);
    }

    /// <summary>
    /// Per-user stratified split (the MS Recommenders <c>python_stratified_split</c> 75/25 protocol):
    /// each user's ratings are shuffled and the first round(n_u · <paramref name="trainRatio"/>) go to
    /// train (numpy-style rounding, half to even), so every user appears in both parts when n_u ≥ 2.
    /// </summary>
    public static (RatingTable Train, RatingTable Test) StratifiedByUser(RatingTable ratings, double trainRatio = 0.75, int seed = 42)
    {
        CheckFraction(trainRatio, nameof(trainRatio));
        var rng = new RecRandom(seed);
        var isTest = new bool[ratings.Count];
        foreach (var rows in RowsByUser(ratings))
        {
            rng.Shuffle(rows.AsSpan());
            int nTrain = (int)Math.Round(rows.Length * trainRatio, MidpointRounding.ToEven);
            for (int k = nTrain; k < rows.Length; k++) isTest[rows[k]] = true;
        }
        return Partition(ratings, isTest);
    }

    /// <summary>
    /// Temporal split: the latest <paramref name="testFraction"/> of the ratings go to test, either
    /// globally (one cut-off time for everyone) or per user (each user's latest round(n_u · fraction)).
    /// Ties in time are broken by row order (later rows count as later).
    /// </summary>
    public static (RatingTable Train, RatingTable Test) Temporal(RatingTable ratings, double testFraction = 0.2, bool perUser = false)
    {
        CheckFraction(testFraction, nameof(testFraction));
        var isTest = new bool[ratings.Count];
        var t = ratings.Timestamps;
        Comparison<int> byTime = (a, b) => t[a] != t[b] ? t[a].CompareTo(t[b]) : a.CompareTo(b);
        if (perUser)
        {
            foreach (var rows in RowsByUser(ratings))
            {
                Array.Sort(rows, byTime);
                int nTest = (int)Math.Round(rows.Length * testFraction, MidpointRounding.ToEven);
                for (int k = rows.Length - nTest; k < rows.Length; k++) isTest[rows[k]] = true;
            }
        }
        else
        {
            var rows = Identity(ratings.Count);
            Array.Sort(rows, byTime);
            int nTest = (int)Math.Round(rows.Length * testFraction, MidpointRounding.ToEven);
            for (int k = rows.Length - nTest; k < rows.Length; k++) isTest[rows[k]] = true;
        }
        return Partition(ratings, isTest);
    }

    /// <summary>
    /// Leave-last-positive-out, as in the course's PyTorch reference: positives are ratings ≥
    /// <paramref name="threshold"/>; for each user with at least <paramref name="minPositives"/>
    /// positives, the latest positive (ties by larger item index) is the test row. Train holds the
    /// remaining positives only; non-positive ratings are dropped from both parts. Values are kept.
    /// </summary>
    public static (RatingTable Train, RatingTable Test) LeaveLastPositiveOut(RatingTable ratings, float threshold = 4f, int minPositives = 2)
    {
        var positives = ratings.Where(r => ratings.Values[r] >= threshold);
        var isTest = new bool[positives.Count];
        var t = positives.Timestamps; var it = positives.Items;
        foreach (var rows in RowsByUser(positives))
        {
            if (rows.Length < minPositives) continue;
            int last = rows[0];
            foreach (int r in rows)
                if (t[r] > t[last] || (t[r] == t[last] && it[r] > it[last])) last = r;
            isTest[last] = true;
        }
        return Partition(positives, isTest);
    }

    /// <summary>
    /// The ml-100k-style named splits, exactly as <see cref="MovieLensWriter"/> writes them to
    /// u1…u5/ua/ub.base/.test for the same seed: "u1"…"u5" take the k-th of five disjoint 20 % test
    /// folds of a seeded permutation; "ua"/"ub" put ten ratings per user (at most half of the user's)
    /// in test, the two test sets disjoint. Use it for in-memory data (e.g. the generated synthetic
    /// set) to get the same u1 protocol as on disk.
    /// </summary>
    public static (RatingTable Train, RatingTable Test) MovieLensStyle(RatingTable ratings, string split, int seed = 42)
    {
        bool[] isTest;
        if (split.Length == 2 && split[0] == 'u' && split[1] is >= '1' and <= '5')
        {
            var fold = MovieLensFolds(ratings, seed);
            int f = split[1] - '1';
            isTest = [.. fold.Select(x => x == f)];
        }
        else if (split is "ua" or "ub")
        {
            var which = MovieLensUaUb(ratings, seed);
            int tag = split == "ua" ? 1 : 2;
            isTest = [.. which.Select(x => x == tag)];
        }
        else throw new ArgumentException($"Unknown split '{split}'; expected u1…u5, ua or ub.", nameof(split));
        return Partition(ratings, isTest);
    }

    public static (RecDataset Train, RecDataset Test) MovieLensStyle(RecDataset data, string split, int seed = 42)
    {
        var (train, test) = MovieLensStyle(data.Ratings, split, seed);
        return (data.WithRatings(train, $"{data.Name} {split}.base"), data.WithRatings(test, $"{data.Name} {split}.test"));
    }

    /// <summary>Test fold (0–4) of each row for u1…u5: a seeded permutation dealt round-robin.</summary>
    internal static int[] MovieLensFolds(RatingTable ratings, int seed)
    {
        var perm = Identity(ratings.Count);
        new RecRandom(seed).Shuffle(perm.AsSpan());
        var fold = new int[ratings.Count];
        for (int k = 0; k < perm.Length; k++) fold[perm[k]] = k % 5;
        return fold;
    }

    /// <summary>0 = train in both, 1 = ua.test, 2 = ub.test: per user, a seeded shuffle, the first ten to ua, the next ten to ub.</summary>
    internal static int[] MovieLensUaUb(RatingTable ratings, int seed)
    {
        var rng = new RecRandom(unchecked((ulong)(long)seed + 0x5851F42D4C957F2DUL));
        var which = new int[ratings.Count];
        foreach (var rows in RowsByUser(ratings))
        {
            rng.Shuffle(rows.AsSpan());
            int take = Math.Min(10, rows.Length / 2);
            for (int k = 0; k < take; k++) { which[rows[k]] = 1; which[rows[take + k]] = 2; }
        }
        return which;
    }

    public static (RecDataset Train, RecDataset Test) RandomHoldout(RecDataset data, double testFraction = 0.2, int seed = 42) =>
        Wrap(data, RandomHoldout(data.Ratings, testFraction, seed), "random holdout");

    public static (RecDataset Train, RecDataset Test) StratifiedByUser(RecDataset data, double trainRatio = 0.75, int seed = 42) =>
        Wrap(data, StratifiedByUser(data.Ratings, trainRatio, seed), "stratified");

    public static (RecDataset Train, RecDataset Test) Temporal(RecDataset data, double testFraction = 0.2, bool perUser = false) =>
        Wrap(data, Temporal(data.Ratings, testFraction, perUser), perUser ? "temporal per user" : "temporal");

    public static (RecDataset Train, RecDataset Test) LeaveLastPositiveOut(RecDataset data, float threshold = 4f, int minPositives = 2) =>
        Wrap(data, LeaveLastPositiveOut(data.Ratings, threshold, minPositives), "leave last positive out");

    private static (RecDataset, RecDataset) Wrap(RecDataset data, (RatingTable Train, RatingTable Test) s, string how) =>
        (data.WithRatings(s.Train, $"{data.Name} {how} train"), data.WithRatings(s.Test, $"{data.Name} {how} test"));

    private static void CheckFraction(double f, string name)
    {
        if (!(f >= 0 && f <= 1)) throw new ArgumentOutOfRangeException(name, f, "A fraction must lie in [0, 1].");
    }

    private static int[] Identity(int n)
    {
        var a = new int[n];
        for (int k = 0; k < n; k++) a[k] = k;
        return a;
    }

    /// <summary>Row indices grouped by user (users in ascending order, rows ascending within a user).</summary>
    internal static List<int[]> RowsByUser(RatingTable ratings)
    {
        int nu = 0;
        foreach (int u in ratings.Users) nu = Math.Max(nu, u + 1);
        var counts = new int[nu];
        foreach (int u in ratings.Users) counts[u]++;
        var groups = new int[nu][];
        for (int u = 0; u < nu; u++) groups[u] = new int[counts[u]];
        Array.Clear(counts);
        for (int r = 0; r < ratings.Count; r++) { int u = ratings.Users[r]; groups[u][counts[u]++] = r; }
        return [.. groups.Where(g => g.Length > 0)];
    }

    private static (RatingTable, RatingTable) Partition(RatingTable ratings, bool[] isTest)
    {
        var train = new List<int>(ratings.Count); var test = new List<int>();
        for (int r = 0; r < ratings.Count; r++) (isTest[r] ? test : train).Add(r);
        return (ratings.Subset(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(train)),
                ratings.Subset(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(test)));
    }
}
