using RecCourse.Data;

namespace RecCourse.Tests.Models.Als;

/// <summary>Mean per-user ROC AUC of held-out positives against every item the user never interacted with.</summary>
internal static class ImplicitAuc
{
    public delegate void Scorer(int user, Span<float> scores);

    /// <param name="all">Every interaction (train and test): its pairs are never negatives.</param>
    public static double MeanPerUser(RatingTable all, RatingTable test, int numItems, Scorer score)
    {
        var seen = new HashSet<(int, int)>();
        for (int r = 0; r < all.Count; r++) seen.Add((all.Users[r], all.Items[r]));
        var scores = new float[numItems];
        double sum = 0; int users = 0;
        foreach (var rows in Enumerable.Range(0, test.Count).GroupBy(r => test.Users[r]))
        {
            int u = rows.Key;
            score(u, scores);
            var negatives = Enumerable.Range(0, numItems).Where(i => !seen.Contains((u, i))).Select(i => scores[i]).Order().ToArray();
            if (negatives.Length == 0) continue;
            double wins = 0; int positives = 0;
            foreach (int r in rows)
            {
                float s = scores[test.Items[r]];
                int below = Count(negatives, x => x < s), notAbove = Count(negatives, x => x <= s);
                wins += below + 0.5 * (notAbove - below);   // ties count half
                positives++;
            }
            sum += wins / (positives * (double)negatives.Length);
            users++;
        }
        return sum / users;
    }

    /// <summary>How many leading entries of the ascending array satisfy the monotone predicate (binary search).</summary>
    private static int Count(float[] sorted, Func<float, bool> isLow)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { int m = (lo + hi) / 2; if (isLow(sorted[m])) lo = m + 1; else hi = m; }
        return lo;
    }
}
