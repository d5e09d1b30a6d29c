using RecCourse.Data;

namespace RecCourse.Models;

/// <summary>
/// Ratings grouped by row (compressed sparse rows): for row r, its columns and values are
/// <c>Columns[Offsets[r]..Offsets[r+1]]</c> and <c>Values[...]</c>. ALS needs both the user-major and
/// the item-major view, so it builds one of each.
/// </summary>
internal sealed class SparseRows
{
    public SparseRows(int[] offsets, int[] columns, double[] values)
    {
        Offsets = offsets; Columns = columns; Values = values;
    }

    public int[] Offsets { get; }
    public int[] Columns { get; }
    public double[] Values { get; }
    public int RowCount => Offsets.Length - 1;
    public int Count(int row) => Offsets[row + 1] - Offsets[row];

    /// <summary>Groups (row, column, value) triples by row; within a row, entries keep their table order.</summary>
    public static SparseRows Build(int rowCount, int[] rows, int[] columns, float[] values, double shift)
    {
        var offsets = new int[rowCount + 1];
        foreach (int r in rows)
        {
            if ((uint)r >= (uint)rowCount) throw new ArgumentOutOfRangeException(nameof(rows), $"Index {r} is outside [0, {rowCount}).");
            offsets[r + 1]++;
        }
        for (int r = 0; r < rowCount; r++) offsets[r + 1] += offsets[r];
        var cursor = offsets[..^1].ToArray();
        var cols = new int[rows.Length];
        var vals = new double[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            int p = cursor[rows[k]]++;
            cols[p] = columns[k];
            vals[p] = values[k] - shift;
        }
        return new SparseRows(offsets, cols, vals);
    }

    public static (SparseRows ByUser, SparseRows ByItem) FromTable(RatingTable table, int numUsers, int numItems, double shift) =>
        (Build(numUsers, table.Users, table.Items, table.Values, shift), Build(numItems, table.Items, table.Users, table.Values, shift));
}
