using System.Numerics.Tensors;

namespace RecCourse.Tensors;

public static partial class Ops
{
    /// <summary>
    /// Mean of variable-length bags of rows of <paramref name="table"/> [V × D] → [B × D] (PyTorch's
    /// <c>EmbeddingBag(mode="mean")</c>). Bag b holds <c>indices[offsets[b] .. offsets[b+1])</c>, with
    /// <c>offsets[B] = indices.Length</c> implied; <paramref name="offsets"/> has length B and is
    /// non-decreasing from 0. An empty bag gives a zero row (and no gradient). The backward pass adds
    /// grad/|bag| into each looked-up table row only and records the touched rows, like <see cref="Gather"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, V).</exception>
    /// <exception cref="ArgumentException">The offsets are not non-decreasing within [0, indices.Length].</exception>
    public static Tensor GatherMean(Tensor table, ReadOnlySpan<int> indices, ReadOnlySpan<int> offsets)
    {
        Matrix(table, nameof(GatherMean), "table");
        int v = table.Rows, d = table.Cols, bags = offsets.Length, n = indices.Length;
        var y = TensorArena.Create(bags, d);
        y.Data.AsSpan(0, bags * d).Clear();
        for (int b = 0; b < bags; b++)
        {
            int start = offsets[b], end = b + 1 < bags ? offsets[b + 1] : n;
            if (start < 0 || end < start || end > n)
                throw new ArgumentException($"GatherMean: bag {b} spans [{start}, {end}), which is not a range inside the {n} indices (offsets must be non-decreasing from 0).", nameof(offsets));
            var row = y.Data.AsSpan(b * d, d);
            for (int k = start; k < end; k++)
            {
                int i = indices[k];
                if ((uint)i >= (uint)v)
                    throw new ArgumentOutOfRangeException(nameof(indices), i, $"GatherMean: index {i} at position {k} is outside the {v} rows of {table.Name ?? "the table"} {table.ShapeString}.");
                TensorPrimitives.Add(row, table.Data.AsSpan(i * d, d), row);
            }
            if (end > start) TensorPrimitives.Multiply(row, 1f / (end - start), row);
        }
        if (!Autograd.Needs(table)) return y;
        // Saved as [B, offsets..., indices...] so the backward pass needs a single int buffer.
        int count = 1 + bags + n;
        if (y.SavedInts is null || y.SavedInts.Length < count) y.SavedInts = new int[count];
        y.SavedIntCount = count;
        y.SavedInts[0] = bags;
        offsets.CopyTo(y.SavedInts.AsSpan(1));
        indices.CopyTo(y.SavedInts.AsSpan(1 + bags));
        return Record(y, static o =>
        {
            var t = o.Input0!;
            int d = t.Cols;
            var dt = t.GradForAdd();
            var g = o.Grad!;
            var s = o.SavedInts!.AsSpan(0, o.SavedIntCount);
            int bags = s[0];
            var off = s.Slice(1, bags);
            var idx = s[(1 + bags)..];
            for (int b = 0; b < bags; b++)
            {
                int start = off[b], end = b + 1 < bags ? off[b + 1] : idx.Length;
                if (end == start) continue;
                float w = 1f / (end - start);
                var gb = g.AsSpan(b * d, d);
                for (int k = start; k < end; k++)
                {
                    var row = dt.Slice(idx[k] * d, d);
                    TensorPrimitives.MultiplyAdd(gb, w, row, row);
                    t.MarkRowTouched(idx[k]);
                }
            }
        }, table);
    }
}
