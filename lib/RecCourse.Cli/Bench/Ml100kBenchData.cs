using RecCourse.Data;

namespace RecCourse.Cli.Bench;

/// <summary>
/// The MovieLens 100k pieces the engine benchmarks need, in the form torch_reference.py builds them
/// (0-based ids; ages/100; gender M → 1; occupations numbered in order of first appearance; genre
/// flags), read with the library's <see cref="MovieLens100k"/> reader.
/// </summary>
internal static class Ml100kBenchData
{
    public const int Users = 943, Items = 1682, Genres = 19;

    public sealed record Ratings(int[] User, int[] Item, float[] Value, long[] Time)
    {
        public int Count => User.Length;

        /// <summary>The first n ratings (for the untimed JIT warm-up).</summary>
        public Ratings Head(int n) => new(User[..Math.Min(n, Count)], Item[..Math.Min(n, Count)], Value[..Math.Min(n, Count)], Time[..Math.Min(n, Count)]);
    }

    /// <summary>
    /// .NET compiles each method on its first call. Benches first train a throwaway model on a couple
    /// of batches, untimed, so the timed epochs measure training rather than the JIT (PyTorch's
    /// kernels are compiled ahead of time). The measured model and its random streams are untouched.
    /// </summary>
    public const int WarmUpRows = 2048;

    /// <summary>u1.base and u1.test through the library's reader (dense index = id − 1, as the files
    /// list ids 1…N in order), plus the data set for its side information.</summary>
    public static (Ratings Train, Ratings Test, RecDataset Data) LoadU1(string dir)
    {
        var (train, test) = MovieLens100k.LoadSplit(dir, "u1");
        CheckSizes(train);
        return (From(train.Ratings), From(test.Ratings), train);
    }

    /// <summary>All of u.data.</summary>
    public static Ratings LoadAll(string dir)
    {
        var all = MovieLens100k.Load(dir);
        CheckSizes(all);
        return From(all.Ratings);
    }

    /// <summary>Genre multi-hot [items × 19], user features [users × 2] (age/100, gender M → 1),
    /// occupation ids numbered in order of first appearance in u.user (as the reference does).</summary>
    public static (float[] Genres, float[] UserFeatures, int[] Occupation, int OccupationCount) SideInfo(RecDataset data)
    {
        var genres = new float[Items * Genres];
        for (int i = 0; i < Items; i++)
            foreach (int g in data.Items[i].Genres) genres[i * Genres + g] = 1f;
        var users = data.Users ?? throw new InvalidOperationException("u.user was not loaded.");
        var userFeatures = new float[Users * 2];
        var occ = new int[Users];
        var occNames = new Dictionary<string, int>();
        for (int u = 0; u < Users; u++)
        {
            userFeatures[u * 2] = users[u].Age / 100f;
            userFeatures[u * 2 + 1] = users[u].Gender == "M" ? 1f : 0f;
            if (!occNames.TryGetValue(users[u].Occupation, out int o)) occNames[users[u].Occupation] = o = occNames.Count;
            occ[u] = o;
        }
        return (genres, userFeatures, occ, occNames.Count);
    }

    private static Ratings From(RatingTable t) => new(t.Users, t.Items, t.Values, t.Timestamps);

    private static void CheckSizes(RecDataset d)
    {
        if (d.NumUsers != Users || d.NumItems != Items)
            throw new InvalidDataException($"Expected MovieLens 100k ({Users} users, {Items} items); '{d.Name}' has {d.NumUsers} users and {d.NumItems} items.");
    }

    /// <summary>
    /// Positives = rating ≥ 4; for each user with ≥ 2 positives the latest one (ties by item id) is
    /// the test item, the rest train.
    /// </summary>
    public static (int[] TrainU, int[] TrainI, int[] TestU, int[] TestI) LeaveLastPositiveOut(Ratings all)
    {
        var rows = Enumerable.Range(0, all.Count).Where(k => all.Value[k] >= 4)
            .OrderBy(k => all.User[k]).ThenBy(k => all.Time[k]).ThenBy(k => all.Item[k]).ToArray();
        var counts = new int[Users];
        foreach (int k in rows) counts[all.User[k]]++;
        var trU = new List<int>(); var trI = new List<int>(); var teU = new List<int>(); var teI = new List<int>();
        for (int n = 0; n < rows.Length; n++)
        {
            int k = rows[n], u = all.User[k];
            bool last = n == rows.Length - 1 || all.User[rows[n + 1]] != u;
            if (last && counts[u] >= 2) { teU.Add(u); teI.Add(all.Item[k]); }
            else { trU.Add(u); trI.Add(all.Item[k]); }
        }
        return (trU.ToArray(), trI.ToArray(), teU.ToArray(), teI.ToArray());
    }

    /// <summary>HR@k and NDCG@k of each test item among all items (scores [users × items]), training
    /// positives excluded; ties count against the model, as in the reference.</summary>
    public static (double Hr, double Ndcg) RankMetrics(float[] scores, int[] trainU, int[] trainI, int[] testU, int[] testI, int k = 10)
    {
        for (int n = 0; n < trainU.Length; n++) scores[trainU[n] * Items + trainI[n]] = float.NegativeInfinity;
        double hits = 0, ndcg = 0;
        for (int n = 0; n < testU.Length; n++)
        {
            var row = scores.AsSpan(testU[n] * Items, Items);
            float target = row[testI[n]];
            int rank = -1;
            foreach (float s in row) if (s >= target) rank++;
            if (rank < k) { hits++; ndcg += 1 / Math.Log2(rank + 2); }
        }
        return (hits / testU.Length, ndcg / testU.Length);
    }
}
