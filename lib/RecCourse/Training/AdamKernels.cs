using System.Numerics;
using System.Runtime.CompilerServices;

namespace RecCourse.Training;

/// <summary>The coefficients of one Adam step, computed once per parameter per step.</summary>
/// <param name="Beta1">Decay of the first moment.</param>
/// <param name="Beta2">Decay of the second moment.</param>
/// <param name="StepSize">lr / (1 − β1^t).</param>
/// <param name="InvSqrtBias2">1 / √(1 − β2^t).</param>
/// <param name="Eps">ε, added to the bias-corrected √v (PyTorch's placement).</param>
/// <param name="CoupledDecay">λ added to the gradient as λ·p (Adam's weight_decay, i.e. L2).</param>
/// <param name="DecoupledShrink">p is first multiplied by this (1 − lr·λ for AdamW; 1 otherwise).</param>
internal readonly record struct AdamCoefficients(float Beta1, float Beta2, float StepSize, float InvSqrtBias2, float Eps,
    float CoupledDecay, float DecoupledShrink);

/// <summary>
/// Fused single-pass Adam updates over float32 memory (CPU tensors), vectorised with
/// <see cref="Vector{T}"/>. One pass reads p, g, m, v and writes p, m, v (and clears g, the scratch
/// gradient), where libtorch's unfused Adam makes about ten passes and three temporaries. The
/// arithmetic is PyTorch's: g' = g + λp; m = β1m + (1−β1)g'; v = β2v + (1−β2)g'²;
/// p −= lr/(1−β1^t) · m / (√v/√(1−β2^t) + ε).
/// </summary>
internal static class AdamKernels
{
    /// <summary>Updates every element; <paramref name="grad"/> is read and, when
    /// <paramref name="clearGrad"/>, zeroed in the same pass (the scratch buffer of a sparse gradient).</summary>
    public static void Step(Span<float> param, Span<float> grad, Span<float> m, Span<float> v, in AdamCoefficients c, bool clearGrad)
    {
        if (grad.Length != param.Length || m.Length != param.Length || v.Length != param.Length)
            throw new ArgumentException($"Adam buffers differ in length: param {param.Length}, grad {grad.Length}, m {m.Length}, v {v.Length}.");
        int n = param.Length, j = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var b1 = new Vector<float>(c.Beta1); var ob1 = new Vector<float>(1 - c.Beta1);
            var b2 = new Vector<float>(c.Beta2); var ob2 = new Vector<float>(1 - c.Beta2);
            var step = new Vector<float>(c.StepSize); var inv = new Vector<float>(c.InvSqrtBias2);
            var eps = new Vector<float>(c.Eps); var wd = new Vector<float>(c.CoupledDecay); var shrink = new Vector<float>(c.DecoupledShrink);
            ref float rp = ref param[0]; ref float rg = ref grad[0]; ref float rm = ref m[0]; ref float rv = ref v[0];
            for (; j <= n - Vector<float>.Count; j += Vector<float>.Count)
            {
                var p = Load(ref rp, j);
                var g = Load(ref rg, j) + wd * p;
                var mm = b1 * Load(ref rm, j) + ob1 * g;
                var vv = b2 * Load(ref rv, j) + ob2 * g * g;
                Store(mm, ref rm, j);
                Store(vv, ref rv, j);
                Store(p * shrink - step * mm / (Vector.SquareRoot(vv) * inv + eps), ref rp, j);
                if (clearGrad) Store(Vector<float>.Zero, ref rg, j);
            }
        }
        for (; j < n; j++) Scalar(ref param[j], ref grad[j], ref m[j], ref v[j], c, clearGrad);
    }

    /// <summary>Adds the rows of a sparse COO gradient (uncoalesced: a row may repeat) into the dense
    /// scratch gradient <paramref name="dense"/> of shape (rows, <paramref name="width"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A row index outside the table.</exception>
    public static void ScatterAdd(Span<float> dense, int width, ReadOnlySpan<long> rows, ReadOnlySpan<float> values)
    {
        if (values.Length != rows.Length * width)
            throw new ArgumentException($"{rows.Length} rows of width {width} need {rows.Length * width} values, got {values.Length}.");
        int tableRows = width == 0 ? 0 : dense.Length / width;
        for (int k = 0; k < rows.Length; k++)
        {
            long r = rows[k];
            if ((ulong)r >= (ulong)tableRows) throw new ArgumentOutOfRangeException(nameof(rows), r, $"row index outside the table of {tableRows} rows");
            System.Numerics.Tensors.TensorPrimitives.Add(dense.Slice((int)r * width, width), values.Slice(k * width, width), dense.Slice((int)r * width, width));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scalar(ref float p, ref float g, ref float m, ref float v, in AdamCoefficients c, bool clearGrad)
    {
        float gj = g + c.CoupledDecay * p;
        m = c.Beta1 * m + (1 - c.Beta1) * gj;
        v = c.Beta2 * v + (1 - c.Beta2) * gj * gj;
        p = p * c.DecoupledShrink - c.StepSize * m / (MathF.Sqrt(v) * c.InvSqrtBias2 + c.Eps);
        if (clearGrad) g = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ref float start, int offset) =>
        Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref start, offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> value, ref float start, int offset) =>
        Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref start, offset)), value);
}
