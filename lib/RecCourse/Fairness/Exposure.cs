namespace RecCourse.Fairness;

/// <summary>
/// Exposure of item groups in top-K lists (Singh &amp; Joachims 2018): attention falls with rank, so
/// each slot r (1-based) carries weight 1 / log2(r + 1) — the same position discount as DCG.
/// </summary>
public static class Exposure
{
    /// <summary>Position weight of 1-based rank <paramref name="rank"/>: 1, 0.63, 0.5, 0.43, …</summary>
    public static double PositionWeight(int rank) =>
        rank >= 1 ? 1 / Math.Log2(rank + 1) : throw new ArgumentOutOfRangeException(nameof(rank), rank, "Ranks are 1-based.");

    /// <summary>
    /// Exposure share of each item group. Groups may overlap (an item with two genres counts for
    /// both), so shares need not sum to 1.
    /// </summary>
    /// <param name="lists">Top-K lists, one per user (e.g. <see cref="RecommendationLists.TopK(Models.IRecommender, int, Data.RatingTable?)"/>).</param>
    /// <param name="numItems">Catalogue size, for the catalogue shares.</param>
    public static IReadOnlyList<ExposureRow> ByItemGroups(int[][] lists, int numItems, IReadOnlyList<(string Name, Func<int, bool> Items)> itemGroups)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(itemGroups);
        if (numItems < 1) throw new ArgumentOutOfRangeException(nameof(numItems), numItems, "Need at least one item.");
        double slots = 0, weightTotal = 0;
        foreach (var list in lists)
            for (int r = 0; r < list.Length; r++) { slots++; weightTotal += PositionWeight(r + 1); }
        var rows = new List<ExposureRow>(itemGroups.Count);
        foreach (var (name, member) in itemGroups)
        {
            int catalog = 0;
            for (int i = 0; i < numItems; i++) if (member(i)) catalog++;
            double count = 0, weighted = 0;
            foreach (var list in lists)
                for (int r = 0; r < list.Length; r++)
                {
                    if ((uint)list[r] >= (uint)numItems) throw new ArgumentException($"A list holds item {list[r]}, outside [0, {numItems}).", nameof(lists));
                    if (member(list[r])) { count++; weighted += PositionWeight(r + 1); }
                }
            rows.Add(new ExposureRow(name, catalog, (double)catalog / numItems,
                slots > 0 ? count / slots : 0, weightTotal > 0 ? weighted / weightTotal : 0));
        }
        return rows;
    }

    /// <summary>Exposure share per value of a single-label item grouping (e.g. head vs long tail); groups partition the catalogue.</summary>
    public static IReadOnlyList<ExposureRow> ByItemGroup(int[][] lists, int numItems, Func<int, string> itemGroup)
    {
        ArgumentNullException.ThrowIfNull(itemGroup);
        var labels = Enumerable.Range(0, numItems).Select(itemGroup).ToArray();
        var groups = labels.Distinct().Order(StringComparer.Ordinal)
            .Select(g => (g, (Func<int, bool>)(i => labels[i] == g))).ToList();
        return ByItemGroups(lists, numItems, groups);
    }

    /// <summary>Per user: whether their list holds at least one item satisfying <paramref name="predicate"/> (e.g. "received a long-tail item").</summary>
    public static bool[] ReceivedAny(int[][] lists, Func<int, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(predicate);
        return lists.Select(list => list.Any(predicate)).ToArray();
    }
}
