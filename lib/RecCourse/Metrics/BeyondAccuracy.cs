using System.Numerics.Tensors;

namespace RecCourse.Metrics;

/// <summary>
/// Beyond-accuracy metrics of a set of recommendation lists (<c>recommended[u]</c> = user u's list,
/// any length; empty lists are skipped in per-user means). Popularity is the number of training
/// interactions per item (<c>itemCounts</c>, e.g. <see cref="Data.UserItemIndex.ItemCounts"/>).
/// </summary>
public static class BeyondAccuracy
{
    /// <summary>Catalog coverage (aggregate diversity share): distinct recommended items / <paramref name="numItems"/>, in [0, 1].</summary>
    public static double CatalogCoverage(IReadOnlyList<int[]> recommended, int numItems)
    {
        if (numItems < 1) throw new ArgumentOutOfRangeException(nameof(numItems), numItems, "The catalog must hold at least one item.");
        var seen = new bool[numItems];
        int distinct = 0;
        foreach (var list in recommended)
            foreach (int i in list)
                if (!seen[i]) { seen[i] = true; distinct++; }
        return distinct / (double)numItems;
    }

    /// <summary>
    /// Gini index of how often each catalog item is recommended: 0 when every item is recommended
    /// equally often, approaching 1 when all recommendations go to one item. Items never
    /// recommended count as zeros. 0 when nothing is recommended.
    /// </summary>
    public static double Gini(IReadOnlyList<int[]> recommended, int numItems)
    {
        var counts = new double[numItems];
        foreach (var list in recommended) foreach (int i in list) counts[i]++;
        Array.Sort(counts);
        double total = counts.Sum();
        if (total == 0 || numItems < 2) return 0;
        // G = Σ_i (2i − n − 1) x_(i) / (n Σ x), with x sorted ascending and i 1-based.
        double s = 0;
        for (int i = 0; i < numItems; i++) s += (2.0 * (i + 1) - numItems - 1) * counts[i];
        return s / (numItems * total);
    }

    /// <summary>
    /// Novelty: mean over users of the mean self-information −log2(p_i) of their recommended items,
    /// with p_i = itemCounts[i] / numUsers (the share of users who interacted; counts below 1 are
    /// taken as 1). In bits, ≥ 0; higher means less popular recommendations.
    /// </summary>
    public static double Novelty(IReadOnlyList<int[]> recommended, int[] itemCounts, int numUsers)
    {
        if (numUsers < 1) throw new ArgumentOutOfRangeException(nameof(numUsers), numUsers, "Need at least one user.");
        return PerUserMean(recommended, list =>
        {
            double s = 0;
            foreach (int i in list) s += -Math.Log2(Math.Max(1, itemCounts[i]) / (double)numUsers);
            return s / list.Length;
        });
    }

    /// <summary>
    /// Intra-list diversity: mean over users (with lists of at least 2 items) of the average pairwise
    /// <paramref name="distance"/> between the items of their list. 0 when no list has two items.
    /// </summary>
    public static double IntraListDiversity(IReadOnlyList<int[]> recommended, Func<int, int, double> distance)
    {
        double sum = 0; int users = 0;
        foreach (var list in recommended)
        {
            if (list.Length < 2) continue;
            double s = 0; int pairs = 0;
            for (int a = 0; a < list.Length; a++)
                for (int b = a + 1; b < list.Length; b++) { s += distance(list[a], list[b]); pairs++; }
            sum += s / pairs; users++;
        }
        return users == 0 ? 0 : sum / users;
    }

    /// <summary>
    /// Intra-list diversity with cosine distance 1 − cos(v_a, v_b) between item vectors (e.g. genre
    /// indicators or learned embeddings), in [0, 2] (in [0, 1] for non-negative vectors). A zero vector
    /// counts as distance 1 from everything.
    /// </summary>
    public static double IntraListDiversity(IReadOnlyList<int[]> recommended, IReadOnlyList<float[]> itemVectors) =>
        IntraListDiversity(recommended, (a, b) =>
        {
            var va = itemVectors[a]; var vb = itemVectors[b];
            float na = TensorPrimitives.Norm(va), nb = TensorPrimitives.Norm(vb);
            if (na == 0 || nb == 0) return 1;
            return 1 - TensorPrimitives.Dot(va, vb) / ((double)na * nb);
        });

    /// <summary>Average recommendation popularity (ARP): mean over users of the mean itemCounts of their recommended items.</summary>
    public static double Arp(IReadOnlyList<int[]> recommended, int[] itemCounts) =>
        PerUserMean(recommended, list =>
        {
            double s = 0;
            foreach (int i in list) s += itemCounts[i];
            return s / list.Length;
        });

    /// <summary>Average percentage of long-tail items (APLT): mean over users of the share of their list that is long tail, in [0, 1].</summary>
    public static double Aplt(IReadOnlyList<int[]> recommended, bool[] isLongTail) =>
        PerUserMean(recommended, list =>
        {
            int t = 0;
            foreach (int i in list) if (isLongTail[i]) t++;
            return t / (double)list.Length;
        });

    /// <summary>
    /// Long-tail membership: the short head is the ⌈<paramref name="headFraction"/> · n⌉ most popular
    /// items (ties broken by lower index), as in Abdollahpouri et al.; every other item is long tail.
    /// </summary>
    public static bool[] LongTail(int[] itemCounts, double headFraction = 0.2)
    {
        if (!(headFraction >= 0 && headFraction <= 1)) throw new ArgumentOutOfRangeException(nameof(headFraction), headFraction, "Must lie in [0, 1].");
        int n = itemCounts.Length;
        var order = Enumerable.Range(0, n).OrderByDescending(i => itemCounts[i]).ThenBy(i => i).ToArray();
        int head = (int)Math.Ceiling(headFraction * n);
        var tail = new bool[n];
        for (int r = head; r < n; r++) tail[order[r]] = true;
        return tail;
    }

    private static double PerUserMean(IReadOnlyList<int[]> recommended, Func<int[], double> perUser)
    {
        double s = 0; int users = 0;
        foreach (var list in recommended)
        {
            if (list.Length == 0) continue;
            s += perUser(list); users++;
        }
        return users == 0 ? 0 : s / users;
    }
}
