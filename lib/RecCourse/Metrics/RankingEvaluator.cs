using RecCourse.Data;

namespace RecCourse.Metrics;

/// <summary>
/// Scores every item for every test user and computes the ranking metrics of
/// <see cref="RankingMetrics"/> in one pass. Candidates for a user are all items, minus the user's
/// training items when <c>excludeTrain</c> (the usual protocol: never recommend what was already
/// seen). Relevant = the user's items in the test index (binarise first, e.g. with
/// <see cref="ImplicitFeedback.Positives(RatingTable, float)"/>, when only high ratings should count).
/// Users without test items are skipped. Ties in score rank the lower item index first; NaN scores rank last.
/// Runs sequentially, so the scoring callback need not be thread-safe.
/// </summary>
public static class RankingEvaluator
{
    /// <param name="scoreUser">Fills the span (length NumItems) with the scores of every item for the user.</param>
    /// <param name="mapDivideByAllRelevant">MAP normalisation; see <see cref="RankingMetrics.MapAtK"/>.</param>
    public static RankingReport Evaluate(Action<int, Span<float>> scoreUser, UserItemIndex train, UserItemIndex test,
        int k = 10, bool excludeTrain = true, bool mapDivideByAllRelevant = false)
    {
        if (train.NumUsers != test.NumUsers || train.NumItems != test.NumItems)
            throw new ArgumentException($"train is {train.NumUsers}×{train.NumItems} but test is {test.NumUsers}×{test.NumItems} (users × items).");
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "K must be at least 1.");
        int nu = test.NumUsers, ni = test.NumItems;
        var scores = new float[ni];
        var candScores = new float[ni]; var candLabels = new bool[ni]; var candItems = new int[ni];
        var globalScores = new List<float>(); var globalLabels = new List<bool>();
        var topK = new int[nu][];
        var relevant = new HashSet<int>();
        double sp = 0, sr = 0, sn = 0, sm = 0, sh = 0, smrr = 0, sauc = 0;
        int users = 0, aucUsers = 0;
        for (int u = 0; u < nu; u++)
        {
            topK[u] = [];
            var rel = test.ItemsOf(u);
            if (rel.IsEmpty) continue;
            scores.AsSpan().Clear();
            scoreUser(u, scores);
            var seen = excludeTrain ? train.ItemsOf(u) : [];
            relevant.Clear();
            foreach (int i in rel) relevant.Add(i);
            // Candidates: all items not seen in training (a test item also seen in training stays out).
            int m = 0, s = 0;
            for (int i = 0; i < ni; i++)
            {
                while (s < seen.Length && seen[s] < i) s++;
                if (s < seen.Length && seen[s] == i) continue;
                candItems[m] = i;
                candScores[m] = float.IsNaN(scores[i]) ? float.NegativeInfinity : scores[i];
                candLabels[m] = relevant.Contains(i);
                m++;
            }
            int positives = 0;
            for (int c = 0; c < m; c++) if (candLabels[c]) positives++;
            users++;
            // Full ranking order of candidates: score descending, item ascending.
            var order = candItems.AsSpan(0, m).ToArray();
            var keyScores = scores; // by item
            Array.Sort(order, (a, b) =>
            {
                float fa = float.IsNaN(keyScores[a]) ? float.NegativeInfinity : keyScores[a];
                float fb = float.IsNaN(keyScores[b]) ? float.NegativeInfinity : keyScores[b];
                int cmp = fb.CompareTo(fa);
                return cmp != 0 ? cmp : a.CompareTo(b);
            });
            topK[u] = order.AsSpan(0, Math.Min(k, m)).ToArray();
            sp += RankingMetrics.Hits(order, relevant, k) / (double)k;
            sr += RankingMetrics.Hits(order, relevant, k) / (double)relevant.Count;
            sn += RankingMetrics.Ndcg(order, relevant, k);
            sm += RankingMetrics.AveragePrecision(order, relevant, k, mapDivideByAllRelevant);
            sh += RankingMetrics.Hits(order, relevant, k) > 0 ? 1 : 0;
            smrr += RankingMetrics.ReciprocalRank(order, relevant, int.MaxValue);
            for (int c = 0; c < m; c++) { globalScores.Add(candScores[c]); globalLabels.Add(candLabels[c]); }
            if (positives > 0 && positives < m)
            {
                sauc += RankingMetrics.AucInPlace(candScores.AsSpan(0, m), candLabels.AsSpan(0, m));
                aucUsers++;
            }
        }
        double Mean(double x, int n) => n == 0 ? 0 : x / n;
        double global = globalScores.Count == 0 ? 0
            : RankingMetrics.AucInPlace(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(globalScores),
                                        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(globalLabels));
        return new RankingReport(users, k, Mean(sp, users), Mean(sr, users), Mean(sn, users), Mean(sm, users), Mean(sh, users),
            Mean(smrr, users), Mean(sauc, aucUsers), double.IsNaN(global) ? 0 : global, topK);
    }

    /// <summary>Evaluates a dense score matrix, row-major NumUsers × NumItems (scores[u · NumItems + i]).</summary>
    public static RankingReport Evaluate(float[] scores, UserItemIndex train, UserItemIndex test, int k = 10, bool excludeTrain = true, bool mapDivideByAllRelevant = false)
    {
        long expected = (long)test.NumUsers * test.NumItems;
        if (scores.Length != expected)
            throw new ArgumentException($"scores has {scores.Length} values; expected NumUsers × NumItems = {test.NumUsers} × {test.NumItems} = {expected}.", nameof(scores));
        int ni = test.NumItems;
        return Evaluate((u, dst) => scores.AsSpan(u * ni, ni).CopyTo(dst), train, test, k, excludeTrain, mapDivideByAllRelevant);
    }

    /// <summary>Convenience: builds the indices from two splits of the same data set.</summary>
    public static RankingReport Evaluate(Action<int, Span<float>> scoreUser, RecDataset train, RecDataset test, int k = 10, bool excludeTrain = true) =>
        Evaluate(scoreUser, UserItemIndex.Build(train), UserItemIndex.Build(test), k, excludeTrain);
}
