using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RecCourse.Tensors;

public static partial class Ops
{
    /// <summary>max(x, 0) element-wise.</summary>
    public static Tensor Relu(Tensor x)
    {
        var y = Like(x);
        TensorPrimitives.Max(x.Data, 0f, y.Data);
        return Record(y, static o => ActivationBackward(o, Activation.Relu), x);
    }

    /// <summary>x for x &gt; 0, slope·x otherwise.</summary>
    public static Tensor LeakyRelu(Tensor x, float slope = 0.01f)
    {
        var y = Like(x);
        var xs = x.Data; var ys = y.Data;
        for (int i = 0; i < xs.Length; i++) ys[i] = xs[i] > 0f ? xs[i] : slope * xs[i];
        y.SavedScalar0 = slope;
        return Record(y, static o =>
        {
            var x = o.Input0!;
            var g = o.Grad!; var xs = x.Data; float slope = o.SavedScalar0;
            var d = x.GradForWrite(out bool overwrite);
            for (int i = 0; i < g.Length; i++)
            {
                float v = xs[i] > 0f ? g[i] : slope * g[i];
                d[i] = overwrite ? v : d[i] + v;
            }
            x.MarkDense();
        }, x);
    }

    /// <summary>tanh element-wise.</summary>
    public static Tensor Tanh(Tensor x)
    {
        var y = Like(x);
        if (x.Length > 0) TensorPrimitives.Tanh(x.Data, y.Data);
        return Record(y, static o => ActivationBackward(o, Activation.Tanh), x);
    }

    /// <summary>1 / (1 + e^−x) element-wise.</summary>
    public static Tensor Sigmoid(Tensor x)
    {
        var y = Like(x);
        if (x.Length > 0) TensorPrimitives.Sigmoid(x.Data, y.Data);
        return Record(y, static o => ActivationBackward(o, Activation.Sigmoid), x);
    }

    /// <summary>
    /// low + (high − low)·sigmoid(x): fast.ai's <c>y_range</c> trick that keeps predicted ratings in
    /// (low, high). Fused so the backward pass reuses the saved sigmoid.
    /// </summary>
    public static Tensor SigmoidRange(Tensor x, float low, float high)
    {
        var y = Like(x);
        var s = SavedFloats(y, x.Length);
        if (x.Length > 0) TensorPrimitives.Sigmoid(x.Data, s);
        TensorPrimitives.Multiply(s, high - low, y.Data);
        TensorPrimitives.Add(y.Data, low, y.Data);
        y.SavedScalar0 = high - low;
        return Record(y, static o =>
        {
            var x = o.Input0!;
            var s = o.SavedFloats!; var g = o.Grad!; float range = o.SavedScalar0;
            var d = x.GradForWrite(out bool overwrite);
            for (int i = 0; i < g.Length; i++)
            {
                float v = g[i] * range * s[i] * (1f - s[i]);
                d[i] = overwrite ? v : d[i] + v;
            }
            x.MarkDense();
        }, x);
    }

    /// <summary>
    /// Inverted dropout: in training each value is zeroed with probability <paramref name="p"/> and the
    /// survivors are scaled by 1/(1 − p), so evaluation (<paramref name="training"/> false) is the
    /// identity and returns <paramref name="x"/> itself.
    /// </summary>
    public static Tensor Dropout(Tensor x, float p, FastRandom rng, bool training)
    {
        if (p is < 0f or >= 1f) throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout probability must be in [0, 1).");
        if (!training || p == 0f) return x;
        var y = Like(x);
        var mask = SavedFloats(y, x.Length);
        FillDropoutMask(mask, p, rng);
        TensorPrimitives.Multiply(x.Data, mask, y.Data);
        return Record(y, static o => MulInto(o.Input0!, o.Grad!, o.SavedFloats!), x);
    }

    /// <summary>
    /// mask[i] = 1/(1 − p) with probability 1 − p, else 0. Each 32-bit draw gives two 16-bit uniforms
    /// (p is resolved to 1/65536), and the comparison is branch-free: a 20 % branch is mispredicted
    /// often enough to dominate the cost of the whole layer.
    /// </summary>
    internal static void FillDropoutMask(Span<float> mask, float p, FastRandom rng)
    {
        float keepScale = 1f / (1f - p);
        ulong threshold = (ulong)Math.Round(p * 65536.0);
        int i = 0;
        for (; i + 1 < mask.Length; i += 2)
        {
            uint bits = rng.NextUInt();
            // (x − threshold) wraps to a huge value, setting bit 63, exactly when x < threshold (drop).
            mask[i] = keepScale * (1 - (int)(((bits & 0xFFFF) - threshold) >> 63));
            mask[i + 1] = keepScale * (1 - (int)(((bits >> 16) - threshold) >> 63));
        }
        if (i < mask.Length) mask[i] = keepScale * (1 - (int)(((rng.NextUInt() & 0xFFFF) - threshold) >> 63));
    }

    /// <summary>Row-wise log-softmax of a matrix: y[i, j] = x[i, j] − log Σ_k exp x[i, k] (stable).</summary>
    public static Tensor LogSoftmax(Tensor x)
    {
        Matrix(x, nameof(LogSoftmax), "x");
        var y = Like(x);
        int n = x.Cols;
        for (int r = 0; r < x.Rows; r++)
        {
            var xr = x.Data.AsSpan(r * n, n);
            float lse = LogSumExp(xr);
            TensorPrimitives.Subtract(xr, lse, y.Data.AsSpan(r * n, n));
        }
        return Record(y, static o =>
        {
            // dx = g − softmax · Σ_j g_j, with softmax = exp(y).
            var x = o.Input0!;
            int n = o.Cols;
            var d = x.GradForWrite(out bool overwrite);
            for (int r = 0; r < o.Rows; r++)
            {
                var g = o.Grad!.AsSpan(r * n, n); var y = o.Data.AsSpan(r * n, n); var dr = d.Slice(r * n, n);
                float gs = TensorPrimitives.Sum(g);
                for (int j = 0; j < n; j++)
                {
                    float v = g[j] - MathF.Exp(y[j]) * gs;
                    dr[j] = overwrite ? v : dr[j] + v;
                }
            }
            x.MarkDense();
        }, x);
    }

    /// <summary>log Σ exp(x) computed stably (−∞ for an empty span or all −∞).</summary>
    public static float LogSumExp(ReadOnlySpan<float> x)
    {
        if (x.Length == 0) return float.NegativeInfinity;
        float m = TensorPrimitives.Max(x);
        if (float.IsNegativeInfinity(m)) return m;
        double s = 0;
        foreach (float v in x) s += MathF.Exp(v - m);
        return m + (float)Math.Log(s);
    }

    private enum Activation { Relu, Tanh, Sigmoid }

    /// <summary>dx (+)= g ⊙ f'(x), with f' written in terms of the saved output y.</summary>
    private static void ActivationBackward(Tensor o, Activation kind)
    {
        var x = o.Input0!;
        ReadOnlySpan<float> g = o.Grad!, y = o.Data;
        var d = x.GradForWrite(out bool overwrite);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            var one = Vector<float>.One;
            for (; i <= g.Length - w; i += w)
            {
                var gi = new Vector<float>(g.Slice(i)); var yi = new Vector<float>(y.Slice(i));
                var v = kind switch
                {
                    Activation.Relu => Vector.ConditionalSelect(Vector.GreaterThan(yi, Vector<float>.Zero), gi, Vector<float>.Zero),
                    Activation.Tanh => gi * (one - yi * yi),
                    _ => gi * yi * (one - yi),
                };
                if (!overwrite) v += new Vector<float>(d.Slice(i));
                v.CopyTo(d.Slice(i));
            }
        }
        for (; i < g.Length; i++)
        {
            float yi = y[i];
            float v = kind switch { Activation.Relu => yi > 0f ? g[i] : 0f, Activation.Tanh => g[i] * (1f - yi * yi), _ => g[i] * yi * (1f - yi) };
            d[i] = overwrite ? v : d[i] + v;
        }
        x.MarkDense();
    }
}
