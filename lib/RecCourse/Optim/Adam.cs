using System.Numerics;
using RecCourse.Tensors;

namespace RecCourse.Optim;

/// <summary>
/// Adam (<c>torch.optim.Adam</c>), or AdamW when <see cref="DecoupledWeightDecay"/> is set
/// (<see cref="AdamW"/>). Per element, at step t:
/// g ← g + wd·p (Adam only); m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
/// p ← p − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε); AdamW first shrinks p ← p·(1 − lr·wd).
/// </summary>
/// <remarks>
/// <para><b>Dense (default) vs lazy.</b> PyTorch's dense Adam updates every row of an embedding table
/// at every step, even rows absent from the batch, because their m and v keep decaying and the
/// parameter keeps moving along the old m. The default here matches that, for quality parity with
/// PyTorch. With <c>lazy: true</c> (TensorFlow's LazyAdam, close to <c>torch.optim.SparseAdam</c>)
/// only the rows that received gradient this step (<see cref="Tensor.TouchedRows"/>) are updated,
/// including their weight decay; it is faster for large tables but is a different algorithm.</para>
/// </remarks>
public class Adam : Optimizer
{
    private float[]?[] m, v;

    public Adam(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f,
        float eps = 1e-8f, float weightDecay = 0f, bool lazy = false) : base(parameters, learningRate)
    {
        Beta1 = beta1; Beta2 = beta2; Eps = eps; WeightDecay = weightDecay; Lazy = lazy;
        m = new float[Parameters.Count][];
        v = new float[Parameters.Count][];
    }

    public float Beta1 { get; }
    public float Beta2 { get; }
    public float Eps { get; }
    public float WeightDecay { get; }
    /// <summary>Update only the touched rows of sparse (embedding) gradients.</summary>
    public bool Lazy { get; }
    /// <summary>AdamW's decoupled decay instead of adding wd·p to the gradient.</summary>
    protected bool DecoupledWeightDecay { get; init; }

    protected override void Update(int index, Tensor parameter, float[] grad)
    {
        var p = parameter.Data;
        var mm = State(ref m, index, p.Length);
        var vv = State(ref v, index, p.Length);
        int t = StepCount;
        // same float64 bias corrections as PyTorch computes them in Python floats.
        double bc1 = 1 - Math.Pow(Beta1, t), bc2 = 1 - Math.Pow(Beta2, t);
        var k = new Coefficients(LearningRate, Beta1, Beta2, Eps, WeightDecay, DecoupledWeightDecay,
            (float)(LearningRate / bc1), (float)Math.Sqrt(bc2));
        if (Lazy && parameter.TouchedRows is { } rows)
        {
            int cols = parameter.Cols;
            foreach (int r in rows.AsSpan())
            {
                int o = r * cols;
                UpdateSpan(p.AsSpan(o, cols), grad.AsSpan(o, cols), mm.AsSpan(o, cols), vv.AsSpan(o, cols), k);
            }
        }
        else UpdateSpan(p, grad, mm, vv, k);
    }

    private readonly record struct Coefficients(float Lr, float B1, float B2, float Eps, float Wd, bool Decoupled, float StepSize, float Bc2Sqrt);

    /// <summary>The fused Adam update over one contiguous run: one pass over p, g, m, v.</summary>
    private static void UpdateSpan(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v, Coefficients k)
    {
        float b1 = k.B1, b2 = k.B2, c1 = 1 - b1, c2 = 1 - b2, wd = k.Wd, step = k.StepSize, bc2s = k.Bc2Sqrt, eps = k.Eps;
        float shrink = k.Decoupled ? 1f - k.Lr * wd : 1f;
        float coupledWd = k.Decoupled ? 0f : wd;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            var vb1 = new Vector<float>(b1); var vb2 = new Vector<float>(b2); var vc1 = new Vector<float>(c1); var vc2 = new Vector<float>(c2);
            var vwd = new Vector<float>(coupledWd); var vstep = new Vector<float>(step); var vbc2 = new Vector<float>(1f / bc2s);
            var veps = new Vector<float>(eps); var vshrink = new Vector<float>(shrink);
            for (; i <= p.Length - w; i += w)
            {
                var pi = new Vector<float>(p.Slice(i));
                var gi = new Vector<float>(g.Slice(i)) + vwd * pi;
                var mi = vb1 * new Vector<float>(m.Slice(i)) + vc1 * gi;
                var vi = vb2 * new Vector<float>(v.Slice(i)) + vc2 * gi * gi;
                mi.CopyTo(m.Slice(i));
                vi.CopyTo(v.Slice(i));
                var denom = Vector.SquareRoot(vi) * vbc2 + veps;
                (pi * vshrink - vstep * mi / denom).CopyTo(p.Slice(i));
            }
        }
        for (; i < p.Length; i++)
        {
            float gi = g[i] + coupledWd * p[i];
            float mi = m[i] = b1 * m[i] + c1 * gi;
            float vi = v[i] = b2 * v[i] + c2 * gi * gi;
            p[i] = p[i] * shrink - step * mi / (MathF.Sqrt(vi) * (1f / bc2s) + eps);
        }
    }
}
