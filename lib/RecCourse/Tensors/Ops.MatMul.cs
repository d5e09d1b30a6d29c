using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RecCourse.Tensors;

public static partial class Ops
{
    /// <summary>
    /// Matrix product op(a)·op(b) where op transposes when asked: <c>MatMul(u, v, transposeB: true)</c>
    /// is PyTorch's <c>u @ v.T</c> without materialising the transpose.
    /// </summary>
    public static Tensor MatMul(Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        Matrix(a, nameof(MatMul), "a"); Matrix(b, nameof(MatMul), "b");
        int m = transposeA ? a.Cols : a.Rows, k = transposeA ? a.Rows : a.Cols;
        int kb = transposeB ? b.Cols : b.Rows, n = transposeB ? b.Rows : b.Cols;
        if (k != kb)
            throw new ArgumentException($"MatMul: inner sizes differ: op(a) is {m}×{k} (a {a.ShapeString}{(transposeA ? "ᵀ" : "")}), op(b) is {kb}×{n} (b {b.ShapeString}{(transposeB ? "ᵀ" : "")}).");
        var y = TensorArena.Create(m, n);
        Gemm.Multiply(a.Data, a.Cols, transposeA, b.Data, b.Cols, transposeB, y.Data, n, m, n, k);
        y.SavedScalar0 = transposeA ? 1 : 0;
        y.SavedScalar1 = transposeB ? 1 : 0;
        return Record(y, static o =>
        {
            var a = o.Input0!; var b = o.Input1!;
            bool ta = o.SavedScalar0 != 0, tb = o.SavedScalar1 != 0;
            int m = o.Rows, n = o.Cols, k = ta ? a.Rows : a.Cols;
            var g = o.Grad!;
            if (a.RequiresGrad)
            {
                var d = a.GradForWrite(out bool overwrite);
                // C = op(A)·op(B) ⇒ dop(A) = G·op(B)ᵀ; when A was transposed, dA = op(B)·Gᵀ.
                if (!ta) Gemm.Multiply(g, n, false, b.Data, b.Cols, !tb, d, k, m, k, n, !overwrite);
                else Gemm.Multiply(b.Data, b.Cols, tb, g, n, true, d, m, k, m, n, !overwrite);
                a.MarkDense();
            }
            if (b.RequiresGrad)
            {
                var d = b.GradForWrite(out bool overwrite);
                // dop(B) = op(A)ᵀ·G; when B was transposed, dB = Gᵀ·op(A).
                if (!tb) Gemm.Multiply(a.Data, a.Cols, !ta, g, n, false, d, n, k, n, m, !overwrite);
                else Gemm.Multiply(g, n, true, a.Data, a.Cols, ta, d, k, n, k, m, !overwrite);
                b.MarkDense();
            }
        }, a, b);
    }

    /// <summary>
    /// Affine map y = x·Wᵀ + bias for x [batch × in], W [out × in] (PyTorch's layout) and bias [out]
    /// (optional) → y [batch × out].
    /// </summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null)
    {
        Matrix(x, nameof(Linear), "x"); Matrix(weight, nameof(Linear), "weight");
        if (x.Cols != weight.Cols)
            throw new ArgumentException($"Linear: x has {x.Cols} features but weight {weight.ShapeString} expects {weight.Cols}.");
        if (bias is not null && (bias.Rank != 1 || bias.Length != weight.Rows))
            throw new ArgumentException($"Linear: bias must have {weight.Rows} values; its shape is {bias.ShapeString}.");
        int m = x.Rows, n = weight.Rows, k = x.Cols;
        var y = TensorArena.Create(m, n);
        if (bias is null) Gemm.Multiply(x.Data, k, false, weight.Data, k, true, y.Data, n, m, n, k);
        else
        {
            for (int r = 0; r < m; r++) bias.Data.CopyTo(y.Data, r * n);
            Gemm.Multiply(x.Data, k, false, weight.Data, k, true, y.Data, n, m, n, k, accumulate: true);
        }
        return Record(y, static o =>
        {
            var x = o.Input0!; var w = o.Input1!; var bias = o.Input2;
            int m = o.Rows, n = o.Cols, k = x.Cols;
            var g = o.Grad!;
            if (x.RequiresGrad)
            {
                var d = x.GradForWrite(out bool overwrite);
                Gemm.Multiply(g, n, false, w.Data, k, false, d, k, m, k, n, !overwrite);
                x.MarkDense();
            }
            if (w.RequiresGrad)
            {
                var d = w.GradForWrite(out bool overwrite);
                Gemm.Multiply(g, n, true, x.Data, k, false, d, k, n, k, m, !overwrite);
                w.MarkDense();
            }
            if (bias is { RequiresGrad: true }) AddColumnSums(bias, g, n);
        }, x, weight, bias);
    }
}
