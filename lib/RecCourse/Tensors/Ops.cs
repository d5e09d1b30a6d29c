using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RecCourse.Tensors;

/// <summary>
/// Differentiable operations on <see cref="Tensor"/>s (<c>torch.*</c> / <c>torch.nn.functional</c>).
/// Each one checks shapes, computes its result (rented from the current <see cref="TensorArena"/> if
/// any) and, when an input requires grad and grad mode is on, records a backward function.
/// This file holds the element-wise arithmetic; the other parts of this partial class hold
/// activations, reductions, matrix products, lookups and shape operations.
/// </summary>
public static partial class Ops
{
    /// <summary>a + b, same shapes.</summary>
    public static Tensor Add(Tensor a, Tensor b)
    {
        SameShape(a, b, nameof(Add));
        var y = Like(a);
        TensorPrimitives.Add(a.Data, b.Data, y.Data);
        return Record(y, static o =>
        {
            var g = o.Grad!;
            if (o.Input0!.RequiresGrad) o.Input0.AccumulateGrad(g);
            if (o.Input1!.RequiresGrad) o.Input1.AccumulateGrad(g);
        }, a, b);
    }

    /// <summary>a − b, same shapes.</summary>
    public static Tensor Sub(Tensor a, Tensor b)
    {
        SameShape(a, b, nameof(Sub));
        var y = Like(a);
        TensorPrimitives.Subtract(a.Data, b.Data, y.Data);
        return Record(y, static o =>
        {
            var g = o.Grad!;
            if (o.Input0!.RequiresGrad) o.Input0.AccumulateGrad(g);
            if (o.Input1!.RequiresGrad)
            {
                var d = o.Input1.GradForWrite(out bool overwrite);
                if (overwrite) TensorPrimitives.Negate(g, d); else TensorPrimitives.Subtract(d, g, d);
                o.Input1.MarkDense();
            }
        }, a, b);
    }

    /// <summary>Element-wise a ⊙ b, same shapes.</summary>
    public static Tensor Mul(Tensor a, Tensor b)
    {
        SameShape(a, b, nameof(Mul));
        var y = Like(a);
        TensorPrimitives.Multiply(a.Data, b.Data, y.Data);
        return Record(y, static o =>
        {
            var g = o.Grad!;
            MulInto(o.Input0!, g, o.Input1!.Data);
            MulInto(o.Input1, g, o.Input0!.Data);
        }, a, b);
    }

    /// <summary>s · x.</summary>
    public static Tensor Scale(Tensor x, float s)
    {
        var y = Like(x);
        TensorPrimitives.Multiply(x.Data, s, y.Data);
        y.SavedScalar0 = s;
        return Record(y, static o =>
        {
            var x = o.Input0!;
            var d = x.GradForWrite(out bool overwrite);
            if (overwrite) TensorPrimitives.Multiply(o.Grad!, o.SavedScalar0, d);
            else TensorPrimitives.MultiplyAdd(o.Grad!, o.SavedScalar0, d, d);
            x.MarkDense();
        }, x);
    }

    /// <summary>x + s for a constant s.</summary>
    public static Tensor AddScalar(Tensor x, float s)
    {
        var y = Like(x);
        TensorPrimitives.Add(x.Data, s, y.Data);
        return Record(y, static o => o.Input0!.AccumulateGrad(o.Grad!), x);
    }

    /// <summary>Broadcast add of a row vector: y[i, j] = x[i, j] + v[j] (x is rows×n, v has n values).</summary>
    public static Tensor AddRowVector(Tensor x, Tensor v)
    {
        RowVector(x, v, nameof(AddRowVector));
        var y = Like(x);
        int n = x.Cols;
        for (int r = 0; r < x.Rows; r++) TensorPrimitives.Add(x.Data.AsSpan(r * n, n), v.Data, y.Data.AsSpan(r * n, n));
        return Record(y, static o =>
        {
            var g = o.Grad!;
            if (o.Input0!.RequiresGrad) o.Input0.AccumulateGrad(g);
            if (o.Input1!.RequiresGrad) AddColumnSums(o.Input1, g, o.Cols);
        }, x, v);
    }

    /// <summary>Broadcast multiply by a row vector: y[i, j] = x[i, j] · v[j].</summary>
    public static Tensor MulRowVector(Tensor x, Tensor v)
    {
        RowVector(x, v, nameof(MulRowVector));
        var y = Like(x);
        int n = x.Cols;
        for (int r = 0; r < x.Rows; r++) TensorPrimitives.Multiply(x.Data.AsSpan(r * n, n), v.Data, y.Data.AsSpan(r * n, n));
        return Record(y, static o =>
        {
            var g = o.Grad!;
            var x = o.Input0!;
            var v = o.Input1!;
            int n = o.Cols;
            if (x.RequiresGrad)
            {
                var d = x.GradForWrite(out bool overwrite);
                for (int r = 0; r < o.Rows; r++)
                {
                    var gr = g.AsSpan(r * n, n);
                    var dr = d.Slice(r * n, n);
                    if (overwrite) TensorPrimitives.Multiply(gr, v.Data, dr); else TensorPrimitives.FusedMultiplyAdd(gr, v.Data, dr, dr);
                }
                x.MarkDense();
            }
            if (v.RequiresGrad)
            {
                var dv = v.GradForAdd();
                for (int r = 0; r < o.Rows; r++)
                    TensorPrimitives.FusedMultiplyAdd(g.AsSpan(r * n, n), x.Data.AsSpan(r * n, n), dv, dv);
                v.MarkDense();
            }
        }, x, v);
    }

    // ------------------------------------------------------------------ helpers shared by the parts

    /// <summary>Marks <paramref name="y"/> as the result of an operation on the inputs when any of them
    /// requires grad (and grad mode is on), so <see cref="Tensor.Backward()"/> can reach them.</summary>
    internal static Tensor Record(Tensor y, BackwardFunction backward, Tensor a, Tensor? b = null, Tensor? c = null, Tensor? d = null)
    {
        if (!Autograd.Needs(a, b, c, d)) return y;
        y.RequiresGrad = true;
        y.BackwardFn = backward;
        y.Input0 = a; y.Input1 = b; y.Input2 = c; y.Input3 = d;
        return y;
    }

    internal static Tensor Like(Tensor x) => x.Rank switch
    {
        2 => TensorArena.Create(x.Rows, x.Cols),
        1 => TensorArena.CreateVector(x.Length),
        _ => TensorArena.Create(x.Shape),
    };

    /// <summary>input.grad += g ⊙ other (skipped when input needs no grad).</summary>
    internal static void MulInto(Tensor input, ReadOnlySpan<float> g, ReadOnlySpan<float> other)
    {
        if (!input.RequiresGrad) return;
        var d = input.GradForWrite(out bool overwrite);
        if (overwrite) TensorPrimitives.Multiply(g, other, d); else TensorPrimitives.FusedMultiplyAdd(g, other, d, d);
        input.MarkDense();
    }

    internal static void AddColumnSums(Tensor v, float[] g, int n)
    {
        var dv = v.GradForAdd();
        int rows = g.Length / Math.Max(n, 1);
        for (int r = 0; r < rows; r++) TensorPrimitives.Add(dv, g.AsSpan(r * n, n), dv);
        v.MarkDense();
    }

    internal static float[] SavedFloats(Tensor y, int n)
    {
        if (y.SavedFloats is { } s && s.Length == n) return s;
        return y.SavedFloats = new float[n];
    }

    internal static int[] SavedInts(Tensor y, ReadOnlySpan<int> values)
    {
        if (y.SavedInts is null || y.SavedInts.Length < values.Length) y.SavedInts = new int[values.Length];
        values.CopyTo(y.SavedInts);
        y.SavedIntCount = values.Length;
        return y.SavedInts;
    }

    internal static void SameShape(Tensor a, Tensor b, string op)
    {
        if (!a.Shape.AsSpan().SequenceEqual(b.Shape))
            throw new ArgumentException($"{op}: shapes differ, {a.ShapeString} vs {b.ShapeString}.");
    }

    internal static void Matrix(Tensor x, string op, string what)
    {
        if (x.Rank != 2) throw new ArgumentException($"{op}: {what} must be a matrix; shape is {x.ShapeString}.");
    }

    private static void RowVector(Tensor x, Tensor v, string op)
    {
        Matrix(x, op, "x");
        if (v.Rank != 1 || v.Length != x.Cols)
            throw new ArgumentException($"{op}: v must be a vector of {x.Cols} values to broadcast over x {x.ShapeString}; its shape is {v.ShapeString}.");
    }
}
