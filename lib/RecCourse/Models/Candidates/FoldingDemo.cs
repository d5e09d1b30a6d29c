using RecCourse.Data;

namespace RecCourse.Models;

/// <summary>
/// "Folding" (Xin et al. 2023; Google's recommendation course): embeddings trained only on
/// positives can place unrelated groups on top of each other, because nothing ever tells the model
/// that a cross-group pair is bad. This demo plants two disjoint groups (users of group g interact
/// only with items of group g), trains the dual-embedding BCE model once on positives only and once
/// with sampled negatives, and measures how much the groups mix.
/// </summary>
public static class FoldingDemo
{
    /// <summary>Two-group interactions: <paramref name="usersPerGroup"/> users and
    /// <paramref name="itemsPerGroup"/> items per group; each user interacts with
    /// <paramref name="interactionsPerUser"/> distinct items of its own group, drawn ∝ 1/(rank + 5).
    /// Users 0..n−1 and items 0..m−1 are group 0, the rest group 1.</summary>
    public static RatingTable GenerateGroups(int usersPerGroup = 100, int itemsPerGroup = 100, int interactionsPerUser = 15, int seed = 42)
    {
        if (interactionsPerUser > itemsPerGroup) throw new ArgumentOutOfRangeException(nameof(interactionsPerUser), interactionsPerUser, $"must be ≤ itemsPerGroup = {itemsPerGroup}");
        var rng = new Random(seed);
        var weights = Enumerable.Range(0, itemsPerGroup).Select(r => 1.0 / (r + 5)).ToArray();
        double total = weights.Sum();
        var users = new List<int>(); var items = new List<int>();
        for (int u = 0; u < 2 * usersPerGroup; u++)
        {
            int g = u / usersPerGroup;
            var chosen = new HashSet<int>();
            while (chosen.Count < interactionsPerUser)
            {
                double r = rng.NextDouble() * total; int k = 0;
                while (k < itemsPerGroup - 1 && (r -= weights[k]) > 0) k++;
                chosen.Add(g * itemsPerGroup + k);
            }
            foreach (int i in chosen.Order()) { users.Add(u); items.Add(i); }
        }
        return new RatingTable([.. users], [.. items], Enumerable.Repeat(1f, users.Count).ToArray(), new long[users.Count]);
    }

    /// <summary>Trains both variants on <see cref="GenerateGroups"/> data and reports them (positives only
    /// first). Default model: d = 2 with item biases, 30 epochs, 4 uniform negatives per positive.</summary>
    public static IReadOnlyList<FoldingReport> Run(int usersPerGroup = 100, int itemsPerGroup = 100, int seed = 42, PointwiseOptions? options = null)
    {
        var data = GenerateGroups(usersPerGroup, itemsPerGroup, 15, seed);
        // Two dimensions (plottable) and item biases: nothing but negatives can tell the model that
        // a popular item of the other group is wrong for this user.
        var o = options ?? new PointwiseOptions { Dimensions = 2, Epochs = 30, ItemBias = true, Seed = seed };
        var positivesOnly = PointwiseTrainer.Fit(data, 2 * usersPerGroup, 2 * itemsPerGroup, o with { NegativesPerPositive = 0 }).Model;
        var withNegatives = PointwiseTrainer.Fit(data, 2 * usersPerGroup, 2 * itemsPerGroup, o with { NegativesPerPositive = Math.Max(1, o.NegativesPerPositive) }).Model;
        return [Measure("positives only", positivesOnly, data, usersPerGroup, itemsPerGroup),
                Measure("with negatives", withNegatives, data, usersPerGroup, itemsPerGroup)];
    }

    /// <summary>The folding measures of any model on two-group data laid out as in <see cref="GenerateGroups"/>.</summary>
    public static FoldingReport Measure(string variant, IRecommender model, RatingTable train, int usersPerGroup, int itemsPerGroup)
    {
        var seen = UserItemIndex.Build(train, model.NumUsers, model.NumItems);
        var scores = new float[model.NumItems];
        double within = 0, cross = 0, top = 0, auc = 0; long nw = 0, nc = 0;
        for (int u = 0; u < model.NumUsers; u++)
        {
            int g = u / usersPerGroup;
            model.ScoreItems(u, scores);
            var mine = seen.ItemsOf(u).ToArray();
            var w = new List<float>(); var c = new List<float>();
            for (int i = 0; i < model.NumItems; i++)
            {
                if (Array.BinarySearch(mine, i) >= 0) continue;
                float s = MatrixFactorizationModel.Sigmoid(scores[i]);
                if (i / itemsPerGroup == g) { within += s; nw++; w.Add(scores[i]); } else { cross += s; nc++; c.Add(scores[i]); }
            }
            var best = TopK.Select(scores, 10, i => Array.BinarySearch(mine, i) >= 0);
            top += best.Count(t => t.Item / itemsPerGroup != g) / (double)best.Length;
            // AUC of own-group unobserved items against other-group items (ties ½).
            double correct = 0;
            c.Sort();
            foreach (float s in w)
            {
                int lo = LowerBound(c, s), hi = UpperBound(c, s);
                correct += lo + 0.5 * (hi - lo);
            }
            auc += w.Count == 0 || c.Count == 0 ? 0.5 : correct / ((double)w.Count * c.Count);
        }
        return new FoldingReport(variant, within / Math.Max(1, nw), cross / Math.Max(1, nc), top / model.NumUsers, auc / model.NumUsers);
    }

    private static int LowerBound(List<float> sorted, float x)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi) { int mid = (lo + hi) / 2; if (sorted[mid] < x) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private static int UpperBound(List<float> sorted, float x)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi) { int mid = (lo + hi) / 2; if (sorted[mid] <= x) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
