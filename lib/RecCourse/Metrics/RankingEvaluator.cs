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
        var candScores = new float[ni]; var candLabels = new bool[ni];
        var isRelevant = new bool[ni];
        var topItems = new int[k]; var topScores = new float[k];
        var globalScores = new List<float>(); var globalLabels = new List<bool>();
        var topK = new int[nu][];
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
            foreach (int i in rel) isRelevant[i] = true;
            // One pass over the candidates (items not seen in training, ascending): collect them for
            // AUC, keep the top K (score descending; among equal scores the earlier, i.e. lower, item
            // stays ahead), and track the best-scored relevant item for MRR.
            int m = 0, s = 0, filled = 0, bestRel = -1, relevantCandidates = 0;
            float bestRelScore = float.NegativeInfinity;
            for (int i = 0; i < ni; i++)
            {
                while (s < seen.Length && seen[s] < i) s++;
                if (s < seen.Length && seen[s] == i) continue;
                float sc = float.IsNaN(scores[i]) ? float.NegativeInfinity : scores[i];
                candScores[m] = sc; candLabels[m] = isRelevant[i]; m++;
                if (isRelevant[i])
                {
                    relevantCandidates++;
                    if (bestRel < 0 || sc > bestRelScore) { bestRel = i; bestRelScore = sc; }
                }
                if (filled < k || sc > topScores[filled - 1])
                {
                    int pos = filled < k ? filled++ : k - 1;
                    while (pos > 0 && topScores[pos - 1] < sc) { topScores[pos] = topScores[pos - 1]; topItems[pos] = topItems[pos - 1]; pos--; }
                    topScores[pos] = sc; topItems[pos] = i;
                }
            }
            users++;
            topK[u] = topItems.AsSpan(0, filled).ToArray();
            int hits = 0; double dcg = 0, ap = 0;
            for (int r = 0; r < filled; r++)
                if (isRelevant[topItems[r]]) { hits++; dcg += 1 / Math.Log2(r + 2); ap += hits / (double)(r + 1); }
            double idcg = 0;
            for (int r = 0; r < Math.Min(k, rel.Length); r++) idcg += 1 / Math.Log2(r + 2);
            sp += hits / (double)k;
            sr += hits / (double)rel.Length;
            sn += dcg / idcg;
            sm += ap / (mapDivideByAllRelevant ? rel.Length : Math.Min(rel.Length, k));
            sh += hits > 0 ? 1 : 0;
            if (bestRel >= 0)
            {
                // Rank of the best relevant item in the full ordering: candidates that beat it, plus one.
                int better = 0, c = 0; s = 0;
                for (int i = 0; i < ni; i++)
                {
                    while (s < seen.Length && seen[s] < i) s++;
                    if (s < seen.Length && seen[s] == i) continue;
                    float sc = candScores[c++];
                    if (sc > bestRelScore || (sc == bestRelScore && i < bestRel)) better++;
                }
                smrr += 1.0 / (better + 1);
            }
            foreach (int i in rel) isRelevant[i] = false;
            globalScores.AddRange(candScores.AsSpan(0, m));
            globalLabels.AddRange(candLabels.AsSpan(0, m));
            if (relevantCandidates > 0 && relevantCandidates < m)
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
