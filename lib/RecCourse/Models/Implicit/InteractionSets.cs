namespace RecCourse.Models;

/// <summary>Each user's distinct interacted items, sorted, for O(log n) membership tests.</summary>
internal sealed class InteractionSets
{
    private readonly int[][] _items;

    public InteractionSets(Data.RatingTable table, int numUsers, int numItems)
    {
        var lists = new List<int>[numUsers];
        for (int u = 0; u < numUsers; u++) lists[u] = new List<int>();
        for (int k = 0; k < table.Count; k++)
        {
            int u = table.Users[k], i = table.Items[k];
            if ((uint)u >= (uint)numUsers) throw new ArgumentException($"row {k}: user index {u} outside [0, {numUsers})", nameof(table));
            if ((uint)i >= (uint)numItems) throw new ArgumentException($"row {k}: item index {i} outside [0, {numItems})", nameof(table));
            lists[u].Add(i);
        }
        _items = lists.Select(l => l.Distinct().Order().ToArray()).ToArray();
        NumItems = numItems;
    }

    public int NumItems { get; }
    public int NumUsers => _items.Length;
    public ReadOnlySpan<int> Items(int user) => _items[user];
    public bool Contains(int user, int item) => Array.BinarySearch(_items[user], item) >= 0;
}
