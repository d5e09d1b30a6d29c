using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RecCourse.Tensors;

public static partial class Ops
{
    /// <summary>Sum of all values → scalar (accumulated in float64 for accuracy).</summary>
    public static Tensor Sum(Tensor x)
    {
        var y = TensorArena.Create([]);
        y.Data[0] = (float)SumF64(x.Data);
        y.SavedScalar0 = 1f;
        return Record(y, FillBackward, x);
    }

    /// <summary>Mean of all values → scalar (NaN for an empty tensor).</summary>
    public static Tensor Mean(Tensor x)
    {
        var y = TensorArena.Create([]);
        y.Data[0] = x.Length == 0 ? float.NaN : (float)(SumF64(x.Data) / x.Length);
        y.SavedScalar0 = x.Length == 0 ? 0f : 1f / x.Length;
        return Record(y, FillBackward, x);
    }

    /// <summary>Row sums of a matrix → vector of length rows (<c>x.sum(1)</c>).</summary>
    public static Tensor SumRows(Tensor x)
    {
        Matrix(x, nameof(SumRows), "x");
        var y = TensorArena.CreateVector(x.Rows);
        int n = x.Cols;
        for (int r = 0; r < x.Rows; r++) y.Data[r] = TensorPrimitives.Sum(x.Data.AsSpan(r * n, n));
        return Record(y, static o =>
        {
            var x = o.Input0!;
            int n = x.Cols;
            var d = x.GradForWrite(out bool overwrite);
            for (int r = 0; r < x.Rows; r++)
            {
                var dr = d.Slice(r * n, n);
                if (overwrite) dr.Fill(o.Grad![r]); else TensorPrimitives.Add(dr, o.Grad![r], dr);
            }
            x.MarkDense();
        }, x);
    }

    /// <summary>Row-wise dot products of two matrices of equal shape → vector (<c>(a * b).sum(1)</c>),
    /// the score of matrix factorisation.</summary>
    public static Tensor RowDot(Tensor a, Tensor b)
    {
        Matrix(a, nameof(RowDot), "a");
        SameShape(a, b, nameof(RowDot));
        var y = TensorArena.CreateVector(a.Rows);
        int n = a.Cols;
        for (int r = 0; r < a.Rows; r++) y.Data[r] = TensorPrimitives.Dot(a.Data.AsSpan(r * n, n), b.Data.AsSpan(r * n, n));
        return Record(y, static o =>
        {
            RowScaleInto(o.Input0!, o.Grad!, o.Input1!.Data);
            RowScaleInto(o.Input1!, o.Grad!, o.Input0!.Data);
        }, a, b);
    }

    /// <summary>input.grad[r, :] += g[r] · other[r, :].</summary>
    private static void RowScaleInto(Tensor input, float[] g, float[] other)
    {
        if (!input.RequiresGrad) return;
        int n = input.Cols;
        var d = input.GradForWrite(out bool overwrite);
        for (int r = 0; r < input.Rows; r++)
        {
            var dr = d.Slice(r * n, n);
            var or = other.AsSpan(r * n, n);
            if (overwrite) TensorPrimitives.Multiply(or, g[r], dr); else TensorPrimitives.MultiplyAdd(or, g[r], dr, dr);
        }
        input.MarkDense();
    }

    private static readonly BackwardFunction FillBackward = static o =>
    {
        var x = o.Input0!;
        float v = o.Grad![0] * o.SavedScalar0;
        var d = x.GradForWrite(out bool overwrite);
        if (overwrite) d.Fill(v); else TensorPrimitives.Add(d, v, d);
        x.MarkDense();
    };

    internal static double SumF64(ReadOnlySpan<float> x)
    {
        double s = 0;
        foreach (float v in x) s += v;
        return s;
    }
}
