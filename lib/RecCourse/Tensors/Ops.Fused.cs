using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RecCourse.Tensors;

public static partial class Ops
{
    /// <summary>
    /// Fused matrix-factorisation score y[k] = U[users[k]]·V[items[k]] + bu[users[k]] + bi[items[k]]
    /// → vector of n. Equivalent to Gather, Gather, RowDot and two bias Gathers, but reads the table
    /// rows in place and scatters gradients straight into them (sparse, touched rows recorded).
    /// </summary>
    /// <param name="userFactors">[users × d]</param>
    /// <param name="itemFactors">[items × d]</param>
    /// <param name="userBias">[users × 1]</param>
    /// <param name="itemBias">[items × 1]</param>
    public static Tensor DotBias(Tensor userFactors, Tensor itemFactors, Tensor userBias, Tensor itemBias, ReadOnlySpan<int> users, ReadOnlySpan<int> items)
    {
        Matrix(userFactors, nameof(DotBias), "userFactors"); Matrix(itemFactors, nameof(DotBias), "itemFactors");
        int d = userFactors.Cols;
        if (itemFactors.Cols != d) throw new ArgumentException($"DotBias: factor widths differ, {userFactors.ShapeString} vs {itemFactors.ShapeString}.");
        if (userBias.Length != userFactors.Rows || itemBias.Length != itemFactors.Rows)
            throw new ArgumentException($"DotBias: biases {userBias.ShapeString}, {itemBias.ShapeString} do not match {userFactors.Rows} users, {itemFactors.Rows} items.");
        if (users.Length != items.Length) throw new ArgumentException($"DotBias: {users.Length} users but {items.Length} items.");
        var y = TensorArena.CreateVector(users.Length);
        int nu = userFactors.Rows, ni = itemFactors.Rows;
        for (int k = 0; k < users.Length; k++)
        {
            int u = users[k], i = items[k];
            if ((uint)u >= (uint)nu) throw new ArgumentOutOfRangeException(nameof(users), u, $"DotBias: user {u} at position {k} is outside [0, {nu}).");
            if ((uint)i >= (uint)ni) throw new ArgumentOutOfRangeException(nameof(items), i, $"DotBias: item {i} at position {k} is outside [0, {ni}).");
            y.Data[k] = TensorPrimitives.Dot(userFactors.Data.AsSpan(u * d, d), itemFactors.Data.AsSpan(i * d, d)) + userBias.Data[u] + itemBias.Data[i];
        }
        if (!Autograd.Needs(userFactors, itemFactors, userBias, itemBias)) return y;
        // users then items, so the backward pass knows both id lists.
        var ids = SavedInts(y, users);
        if (ids.Length < 2 * users.Length) { Array.Resize(ref ids, 2 * users.Length); y.SavedInts = ids; }
        items.CopyTo(ids.AsSpan(users.Length));
        y.SavedIntCount = 2 * users.Length;
        return Record(y, static o =>
        {
            var uf = o.Input0!; var itf = o.Input1!; var ub = o.Input2!; var ib = o.Input3!;
            int n = o.Length, d = uf.Cols;
            var ids = o.SavedInts!;
            var g = o.Grad!;
            Span<float> duf = uf.RequiresGrad ? uf.GradForAdd() : default;
            Span<float> dif = itf.RequiresGrad ? itf.GradForAdd() : default;
            Span<float> dub = ub.RequiresGrad ? ub.GradForAdd() : default;
            Span<float> dib = ib.RequiresGrad ? ib.GradForAdd() : default;
            for (int k = 0; k < n; k++)
            {
                int u = ids[k], i = ids[n + k];
                float gk = g[k];
                if (uf.RequiresGrad)
                {
                    var row = duf.Slice(u * d, d);
                    TensorPrimitives.MultiplyAdd(itf.Data.AsSpan(i * d, d), gk, row, row);
                    uf.MarkRowTouched(u);
                }
                if (itf.RequiresGrad)
                {
                    var row = dif.Slice(i * d, d);
                    TensorPrimitives.MultiplyAdd(uf.Data.AsSpan(u * d, d), gk, row, row);
                    itf.MarkRowTouched(i);
                }
                if (ub.RequiresGrad) { dub[u] += gk; ub.MarkRowTouched(u); }
                if (ib.RequiresGrad) { dib[i] += gk; ib.MarkRowTouched(i); }
            }
        }, userFactors, itemFactors, userBias, itemBias);
    }
}
