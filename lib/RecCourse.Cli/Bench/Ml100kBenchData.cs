using System.Globalization;
using System.Text;

namespace RecCourse.Cli.Bench;

/// <summary>
/// The MovieLens 100k pieces the engine benchmarks need, parsed exactly as
/// ../shared/bench/torch_reference.py does (0-based ids; ages/100; gender M → 1; occupations numbered
/// in order of first appearance; genres = last 19 fields of u.item). Kept private to the benches so
/// they depend on nothing but the raw files.
/// </summary>
internal static class Ml100kBenchData
{
    public const int Users = 943, Items = 1682, Genres = 19;

    public sealed record Ratings(int[] User, int[] Item, float[] Value, long[] Time)
    {
        public int Count => User.Length;
    }

    /// <summary>user item rating timestamp, tab separated, 1-based ids.</summary>
    public static Ratings LoadRatings(string path)
    {
        var u = new List<int>(100_000); var i = new List<int>(100_000); var r = new List<float>(100_000); var t = new List<long>(100_000);
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length < 4) throw new FormatException($"{path}:{lineNo}: expected 4 tab-separated fields, got {f.Length}.");
            u.Add(Parse(f[0], path, lineNo) - 1); i.Add(Parse(f[1], path, lineNo) - 1);
            r.Add(Parse(f[2], path, lineNo)); t.Add(long.Parse(f[3], CultureInfo.InvariantCulture));
        }
        return new Ratings(u.ToArray(), i.ToArray(), r.ToArray(), t.ToArray());
    }

    /// <summary>Genre multi-hot [items × 19], user features [users × 2] (age/100, gender), occupation ids.</summary>
    public static (float[] Genres, float[] UserFeatures, int[] Occupation, int OccupationCount) LoadSideInfo(string dir)
    {
        var latin1 = Encoding.Latin1;
        var genres = new float[Items * Genres];
        int lineNo = 0;
        string itemPath = Path.Combine(dir, "u.item");
        foreach (var line in File.ReadLines(itemPath, latin1))
        {
            lineNo++;
            if (line.Trim().Length == 0) continue;
            var p = line.Split('|');
            int item = Parse(p[0], itemPath, lineNo) - 1;
            for (int g = 0; g < Genres; g++) genres[item * Genres + g] = Parse(p[p.Length - Genres + g], itemPath, lineNo);
        }
        var userFeatures = new float[Users * 2];
        var occ = new int[Users];
        var occNames = new Dictionary<string, int>();
        string userPath = Path.Combine(dir, "u.user");
        lineNo = 0;
        foreach (var line in File.ReadLines(userPath, latin1))
        {
            lineNo++;
            if (line.Trim().Length == 0) continue;
            var p = line.Split('|');
            if (p.Length != 5) throw new FormatException($"{userPath}:{lineNo}: expected 5 '|'-separated fields, got {p.Length}.");
            int user = Parse(p[0], userPath, lineNo) - 1;
            userFeatures[user * 2] = Parse(p[1], userPath, lineNo) / 100f;
            userFeatures[user * 2 + 1] = p[2] == "M" ? 1f : 0f;
            if (!occNames.TryGetValue(p[3], out int o)) occNames[p[3]] = o = occNames.Count;
            occ[user] = o;
        }
        return (genres, userFeatures, occ, occNames.Count);
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

    private static int Parse(string s, string path, int line) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v
            : throw new FormatException($"{path}:{line}: '{s}' is not an integer.");
}
