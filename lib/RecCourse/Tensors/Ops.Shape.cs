namespace RecCourse.Tensors;

public static partial class Ops
{
    /// <summary>
    /// Rows of <paramref name="table"/> [V × D] at <paramref name="indices"/> → [n × D] (embedding
    /// lookup, <c>table[indices]</c>). The backward pass adds each output row's gradient into its table
    /// row only and records the touched rows, so an embedding table's gradient stays sparse.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, V).</exception>
    public static Tensor Gather(Tensor table, ReadOnlySpan<int> indices)
    {
        Matrix(table, nameof(Gather), "table");
        int v = table.Rows, d = table.Cols;
        var y = TensorArena.Create(indices.Length, d);
        for (int r = 0; r < indices.Length; r++)
        {
            int i = indices[r];
            if ((uint)i >= (uint)v)
                throw new ArgumentOutOfRangeException(nameof(indices), i, $"Gather: index {i} at position {r} is outside the {v} rows of {table.Name ?? "the table"} {table.ShapeString}.");
            table.Data.AsSpan(i * d, d).CopyTo(y.Data.AsSpan(r * d, d));
        }
        if (!Autograd.Needs(table)) return y;
        SavedInts(y, indices);
        return Record(y, static o =>
        {
            var t = o.Input0!;
            int d = t.Cols;
            var dt = t.GradForAdd();
            var g = o.Grad!;
            var idx = o.SavedInts!.AsSpan(0, o.SavedIntCount);
            for (int r = 0; r < idx.Length; r++)
            {
                var row = dt.Slice(idx[r] * d, d);
                System.Numerics.Tensors.TensorPrimitives.Add(row, g.AsSpan(r * d, d), row);
                t.MarkRowTouched(idx[r]);
            }
        }, table);
    }

    /// <summary>Concatenates matrices with the same number of rows along columns (<c>torch.cat(xs, 1)</c>).</summary>
    public static Tensor Concat(params Tensor[] parts)
    {
        if (parts.Length == 0) throw new ArgumentException("Concat needs at least one tensor.", nameof(parts));
        int rows = parts[0].Rows, cols = 0;
        for (int p = 0; p < parts.Length; p++)
        {
            if (parts[p].Rank != 2) throw new ArgumentException($"Concat: part {p} must be a matrix; its shape is {parts[p].ShapeString}.", nameof(parts));
            if (parts[p].Rows != rows) throw new ArgumentException($"Concat: part {p} has {parts[p].Rows} rows, part 0 has {rows}.", nameof(parts));
            cols += parts[p].Cols;
        }
        var y = TensorArena.Create(rows, cols);
        int offset = 0;
        bool needs = false;
        foreach (var x in parts)
        {
            int c = x.Cols;
            for (int r = 0; r < rows; r++) x.Data.AsSpan(r * c, c).CopyTo(y.Data.AsSpan(r * cols + offset, c));
            offset += c;
            needs |= Autograd.Needs(x);
        }
        if (!needs) return y;
        var list = y.SpareInputList is { } s && s.Length == parts.Length ? s : (y.SpareInputList = new Tensor[parts.Length]);
        parts.CopyTo(list, 0);
        y.RequiresGrad = true;
        y.InputList = list;
        y.BackwardFn = static o =>
        {
            int cols = o.Cols, offset = 0;
            foreach (var x in o.InputList!)
            {
                int c = x.Cols;
                if (x.RequiresGrad)
                {
                    var d = x.GradForWrite(out bool overwrite);
                    for (int r = 0; r < o.Rows; r++)
                    {
                        var src = o.Grad!.AsSpan(r * cols + offset, c);
                        var dst = d.Slice(r * c, c);
                        if (overwrite) src.CopyTo(dst); else System.Numerics.Tensors.TensorPrimitives.Add(dst, src, dst);
                    }
                    x.MarkDense();
                }
                offset += c;
            }
        };
        return y;
    }

    /// <summary>The same values as a vector (e.g. a [n, 1] layer output → [n]); a copy.</summary>
    public static Tensor Flatten(Tensor x)
    {
        var y = TensorArena.CreateVector(x.Length);
        x.Data.CopyTo(y.Data, 0);
        return Record(y, static o => o.Input0!.AccumulateGrad(o.Grad!), x);
    }

    /// <summary>The same values with another shape of equal length (a copy; e.g. [n, 1] → [n]).</summary>
    public static Tensor Reshape(Tensor x, params int[] shape)
    {
        long n = 1;
        foreach (int s in shape) n *= s;
        if (n != x.Length) throw new ArgumentException($"Reshape: {x.ShapeString} has {x.Length} values, [{string.Join(", ", shape)}] needs {n}.");
        var y = TensorArena.Create(shape);
        x.Data.CopyTo(y.Data, 0);
        return Record(y, static o => o.Input0!.AccumulateGrad(o.Grad!), x);
    }
}
