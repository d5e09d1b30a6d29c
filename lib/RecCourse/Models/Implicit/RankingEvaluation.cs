using RecCourse.Data;

namespace RecCourse.Models;

/// <summary>
/// The "rank all unseen items" protocol: for each user with test interactions, score every item,
/// drop the user's training items, and compare the ranking with the user's test items (all test rows
/// count as relevant, whatever their rating). Ties in score are ordered by item index.
/// </summary>
public static class RankingEvaluation
{
    /// <exception cref="ArgumentException">An index in either table is outside the model.</exception>
    public static RankingReport Evaluate(IRecommender model, RatingTable train, RatingTable test, int k = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int nU = model.NumUsers, nI = model.NumItems;
        var seen = new InteractionSets(train, nU, nI);
        var rel = new InteractionSets(test, nU, nI);
        var users = Enumerable.Range(0, nU).Where(u => rel.Items(u).Length > 0).ToArray();
        var partial = new (double P, double R, double N, double M, double A)[users.Length];
        Parallel.For(0, users.Length, () => (new float[nI], new int[nI]), (x, _, buf) =>
        {
            partial[x] = One(model, users[x], seen, rel, k, buf.Item1, buf.Item2);
            return buf;
        }, _ => { });
        double p = 0, r = 0, n = 0, m = 0, a = 0;
        int c = 0;
        // Users whose test items all appear in training too have nothing to find: skipped (NaN AUC).
        foreach (var t in partial)
            if (!double.IsNaN(t.A)) { p += t.P; r += t.R; n += t.N; m += t.M; a += t.A; c++; }
        c = Math.Max(1, c);
        return new RankingReport(k, p / c, r / c, n / c, m / c, a / c, c);
    }

    private static (double, double, double, double, double) One(IRecommender model, int u, InteractionSets seen, InteractionSets rel,
        int k, float[] scores, int[] order)
    {
        model.ScoreItems(u, scores);
        int count = 0;
        for (int i = 0; i < scores.Length; i++) if (!seen.Contains(u, i)) order[count++] = i;
        var cand = order.AsSpan(0, count);
        // Stable descending sort by score, ties by item index.
        cand.Sort((x, y) => scores[y].CompareTo(scores[x]) is var c && c != 0 ? c : x.CompareTo(y));
        var relevant = rel.Items(u);
        int nRel = 0;
        foreach (int i in relevant) if (!seen.Contains(u, i)) nRel++;
        if (nRel == 0) return (0, 0, 0, 0, double.NaN);

        int hits = 0; double dcg = 0, ap = 0;
        for (int r = 0; r < Math.Min(k, cand.Length); r++)
        {
            if (!rel.Contains(u, cand[r])) continue;
            hits++;
            dcg += 1 / Math.Log2(r + 2);
            ap += (double)hits / (r + 1);
        }
        double idcg = 0;
        for (int r = 0; r < Math.Min(nRel, k); r++) idcg += 1 / Math.Log2(r + 2);

        // AUC: over the ranked candidates, count negatives ranked below each positive (ties ½).
        long negatives = cand.Length - nRel, correct2 = 0;
        int negAbove = 0;
        for (int r = 0; r < cand.Length;)
        {
            int end = r; float s = scores[cand[r]];
            int posInGroup = 0, negInGroup = 0;
            while (end < cand.Length && scores[cand[end]] == s)
            {
                if (rel.Contains(u, cand[end])) posInGroup++; else negInGroup++;
                end++;
            }
            // Each positive beats the negatives below it; ties within the group count half.
            long below = negatives - negAbove - negInGroup;
            correct2 += posInGroup * (2 * below + negInGroup);
            negAbove += negInGroup;
            r = end;
        }
        double auc = negatives == 0 ? 1 : correct2 / (2.0 * nRel * negatives);
        return ((double)hits / k, (double)hits / nRel, dcg / idcg, ap / nRel, auc);
    }
}
