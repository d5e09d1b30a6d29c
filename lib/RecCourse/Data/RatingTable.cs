namespace RecCourse.Data;

/// <summary>
/// Ratings as parallel columns (struct of arrays) so models can feed them to kernels without copying.
/// Users and items are dense 0-based indices (see <see cref="IdIndex"/> for the raw ids).
/// </summary>
public sealed class RatingTable
{
    public RatingTable(int[] users, int[] items, float[] values, long[] timestamps, int[][]? context = null)
    {
        if (items.Length != users.Length || values.Length != users.Length || timestamps.Length != users.Length)
            throw new ArgumentException($"Rating columns differ in length: users {users.Length}, items {items.Length}, values {values.Length}, timestamps {timestamps.Length}.");
        if (context is not null)
            foreach (var c in context)
                if (c.Length != users.Length)
                    throw new ArgumentException($"A context column has {c.Length} values for {users.Length} ratings.");
        Users = users; Items = items; Values = values; Timestamps = timestamps; Context = context;
    }

    /// <summary>Dense user index of each rating.</summary>
    public int[] Users { get; }
    /// <summary>Dense item index of each rating.</summary>
    public int[] Items { get; }
    /// <summary>Rating value (1–5 stars in MovieLens; 1 for implicit positives).</summary>
    public float[] Values { get; }
    /// <summary>Unix seconds.</summary>
    public long[] Timestamps { get; }
    /// <summary>Optional context: one column per dimension of <see cref="ContextSchema"/>, each value a condition index.</summary>
    public int[][]? Context { get; }

    public int Count => Users.Length;

    /// <summary>The rows at <paramref name="rows"/>, in that order.</summary>
    public RatingTable Subset(ReadOnlySpan<int> rows)
    {
        var u = new int[rows.Length]; var i = new int[rows.Length]; var v = new float[rows.Length]; var t = new long[rows.Length];
        int n = rows.Length;
        int[][]? c = Context is null ? null : Context.Select(_ => new int[n]).ToArray();
        for (int k = 0; k < rows.Length; k++)
        {
            int r = rows[k];
            u[k] = Users[r]; i[k] = Items[r]; v[k] = Values[r]; t[k] = Timestamps[r];
            if (c is not null) for (int d = 0; d < c.Length; d++) c[d][k] = Context![d][r];
        }
        return new RatingTable(u, i, v, t, c);
    }

    /// <summary>The rows for which <paramref name="keep"/> is true.</summary>
    public RatingTable Where(Func<int, bool> keep)
    {
        var rows = new List<int>(Count);
        for (int r = 0; r < Count; r++) if (keep(r)) rows.Add(r);
        return Subset(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
    }

    /// <summary>Mean of <see cref="Values"/> in float64 (0 for an empty table).</summary>
    public double Mean() => Count == 0 ? 0 : Values.Sum(x => (double)x) / Count;
}
