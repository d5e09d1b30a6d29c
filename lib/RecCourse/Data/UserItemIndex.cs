namespace RecCourse.Data;

/// <summary>
/// For each user, the items they rated (ascending) and the matching values, in compressed sparse
/// row (CSR) form: user u's items are <c>Items[Offsets[u]..Offsets[u + 1]]</c>. Built once and shared
/// by metrics, samplers and models; lookups allocate nothing.
/// </summary>
public sealed class UserItemIndex
{
    private UserItemIndex(int numUsers, int numItems, int[] offsets, int[] items, float[] values)
    {
        NumUsers = numUsers; NumItems = numItems; Offsets = offsets; Items = items; Values = values;
    }

    public int NumUsers { get; }
    public int NumItems { get; }
    /// <summary>NumUsers + 1 row starts into <see cref="Items"/>/<see cref="Values"/>.</summary>
    public int[] Offsets { get; }
    /// <summary>Item indices, ascending within each user.</summary>
    public int[] Items { get; }
    /// <summary>The rating of each entry of <see cref="Items"/>.</summary>
    public float[] Values { get; }
    /// <summary>Number of (user, item) entries.</summary>
    public int Count => Items.Length;

    /// <summary>
    /// Builds the index from <paramref name="ratings"/>. When a user rated an item more than once the
    /// later row wins. Indices outside [0, numUsers) × [0, numItems) throw, naming the row.
    /// </summary>
    public static UserItemIndex Build(RatingTable ratings, int numUsers, int numItems)
    {
        var counts = new int[numUsers + 1];
        for (int r = 0; r < ratings.Count; r++)
        {
            int u = ratings.Users[r], i = ratings.Items[r];
            if ((uint)u >= (uint)numUsers) throw new ArgumentOutOfRangeException(nameof(ratings), $"Row {r}: user {u} is outside [0, {numUsers}).");
            if ((uint)i >= (uint)numItems) throw new ArgumentOutOfRangeException(nameof(ratings), $"Row {r}: item {i} is outside [0, {numItems}).");
            counts[u + 1]++;
        }
        for (int u = 0; u < numUsers; u++) counts[u + 1] += counts[u];
        var rows = new int[ratings.Count];
        var fill = counts[..^1].ToArray();
        for (int r = 0; r < ratings.Count; r++) rows[fill[ratings.Users[r]]++] = r;
        // Sort each user's rows by item, then row, so duplicates keep the later row last.
        var items = new int[ratings.Count]; var values = new float[ratings.Count];
        var offsets = new int[numUsers + 1];
        int w = 0;
        for (int u = 0; u < numUsers; u++)
        {
            var span = rows.AsSpan(counts[u], counts[u + 1] - counts[u]);
            span.Sort((a, b) => ratings.Items[a] != ratings.Items[b] ? ratings.Items[a].CompareTo(ratings.Items[b]) : a.CompareTo(b));
            offsets[u] = w;
            for (int k = 0; k < span.Length; k++)
            {
                int r = span[k];
                if (w > offsets[u] && items[w - 1] == ratings.Items[r]) w--; // duplicate: keep the later row
                items[w] = ratings.Items[r]; values[w] = ratings.Values[r]; w++;
            }
        }
        offsets[numUsers] = w;
        if (w < items.Length) { Array.Resize(ref items, w); Array.Resize(ref values, w); }
        return new UserItemIndex(numUsers, numItems, offsets, items, values);
    }

    /// <summary>The index of a data set's ratings, sized by its users and items.</summary>
    public static UserItemIndex Build(RecDataset data) => Build(data.Ratings, data.NumUsers, data.NumItems);

    /// <summary>User <paramref name="user"/>'s items, ascending.</summary>
    public ReadOnlySpan<int> ItemsOf(int user) => Items.AsSpan(Offsets[user], Offsets[user + 1] - Offsets[user]);

    /// <summary>User <paramref name="user"/>'s values, aligned with <see cref="ItemsOf"/>.</summary>
    public ReadOnlySpan<float> ValuesOf(int user) => Values.AsSpan(Offsets[user], Offsets[user + 1] - Offsets[user]);

    public int CountOf(int user) => Offsets[user + 1] - Offsets[user];

    /// <summary>Whether <paramref name="user"/> rated <paramref name="item"/> (binary search, O(log n)).</summary>
    public bool Contains(int user, int item) => ItemsOf(user).BinarySearch(item) >= 0;

    /// <summary>Each user's items as an array (ascending; empty for users without entries): the <c>relevant</c> argument of the ranking metrics.</summary>
    public int[][] ToLists()
    {
        var lists = new int[NumUsers][];
        for (int u = 0; u < NumUsers; u++) lists[u] = ItemsOf(u).ToArray();
        return lists;
    }

    /// <summary>How many users rated each item (item popularity), length NumItems.</summary>
    public int[] ItemCounts()
    {
        var c = new int[NumItems];
        foreach (int i in Items) c[i]++;
        return c;
    }
}
