namespace RecCourse.Tensors;

/// <summary>
/// A set of row indices in [0, capacity) with O(1) add and clear proportional to its size: the rows
/// of an embedding table that received gradient since the last <c>ZeroGrad</c>.
/// </summary>
public sealed class RowSet
{
    private readonly bool[] member;
    private readonly int[] rows;

    public RowSet(int capacity)
    {
        member = new bool[capacity];
        rows = new int[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Adds row r (ignored when already present).</summary>
    public void Add(int r)
    {
        if (member[r]) return;
        member[r] = true;
        rows[Count++] = r;
    }

    public bool Contains(int r) => member[r];

    /// <summary>The rows in first-touched order.</summary>
    public ReadOnlySpan<int> AsSpan() => rows.AsSpan(0, Count);

    public void Clear()
    {
        foreach (int r in AsSpan()) member[r] = false;
        Count = 0;
    }
}
