using RecCourse.Training;
using static TorchSharp.torch;

namespace RecCourse.Fairness.Explanations;

/// <summary>
/// Integrated gradients (Sundararajan, Taly &amp; Yan 2017): the attribution of feature i is
/// (xᵢ − x′ᵢ) · ∫₀¹ ∂f/∂xᵢ (x′ + α(x − x′)) dα, the path integral of the gradient along the straight
/// line from a baseline x′ to the input x. Attributions sum to f(x) − f(x′) (completeness) for any
/// differentiable f, which makes them an accounting of the prediction relative to the baseline.
/// The integral is approximated by the trapezoid rule on <c>steps</c> equal intervals (steps + 1
/// gradient evaluations), accumulated in float64. For smooth models the error falls as 1/m²; every
/// ReLU kink the path crosses adds an O(1/m) error, so check <see cref="Attribution.CompletenessGap"/>
/// and raise <c>steps</c> until it is small next to f(x) − f(x′).
/// <para>Two forms: a TorchSharp function of rows (<see cref="Attribute(Func{Tensor, Tensor}, Tensor, Tensor, int, int)"/>,
/// <see cref="AttributeRows"/>), differentiated by autograd with all path points batched, and a
/// plain <c>value and gradient</c> callback on float arrays for models that compute their own gradient.</para>
/// </summary>
public static class IntegratedGradients
{
    /// <summary>
    /// Attributes f(x) − f(baseline) to the features of <paramref name="x"/> through TorchSharp autograd.
    /// </summary>
    /// <param name="f">Rows [n, d] → one output per row ([n] or [n, 1]), rows treated independently
    /// (a model in <c>eval()</c> mode). Called on batches of path points.</param>
    /// <param name="x">The input explained, [d] (or [1, d]); its dtype and device are used for the path.</param>
    /// <param name="baseline">The reference input x′, same shape, e.g. zeros or the feature means.</param>
    /// <param name="steps">Trapezoid intervals m ≥ 1; 50–300 is typical.</param>
    /// <param name="batchSize">Path points per call of <paramref name="f"/>.</param>
    public static Attribution Attribute(Func<Tensor, Tensor> f, Tensor x, Tensor baseline, int steps = 50, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(baseline);
        if (!(x.dim() == 1 || (x.dim() == 2 && x.shape[0] == 1)))
            throw new ArgumentException($"x must be one input, [d] or [1, d]; got [{string.Join(", ", x.shape)}]. Use AttributeRows for several.", nameof(x));
        using var scope = NewDisposeScope();
        return AttributeRows(f, x.reshape(1, -1), baseline.reshape(1, -1), steps, batchSize)[0];
    }

    /// <summary>
    /// Integrated gradients of every row of <paramref name="x"/> [n, d] against <paramref name="baseline"/>
    /// ([d] shared by all rows, or [n, d] one per row). Result k explains row k.
    /// </summary>
    /// <inheritdoc cref="Attribute(Func{Tensor, Tensor}, Tensor, Tensor, int, int)"/>
    public static IReadOnlyList<Attribution> AttributeRows(Func<Tensor, Tensor> f, Tensor x, Tensor baseline, int steps = 50, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(baseline);
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "Need at least one step.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Need at least one point per batch.");
        Backend.Initialize();
        if (x.dim() != 2) throw new ArgumentException($"x must be rows [n, d]; got [{string.Join(", ", x.shape)}].", nameof(x));
        if (!x.is_floating_point()) throw new ArgumentException($"x must be floating point; got {x.dtype}.", nameof(x));
        long n = x.shape[0], d = x.shape[1];
        if (n == 0) return [];
        bool shared = baseline.dim() == 1 || (baseline.dim() == 2 && baseline.shape[0] == 1);
        long baselineWidth = baseline.shape[^1];
        if (baselineWidth != d || !(shared || (baseline.dim() == 2 && baseline.shape[0] == n)))
            throw new ArgumentException($"x has shape [{n}, {d}], the baseline [{string.Join(", ", baseline.shape)}]: it must be [{d}] or [{n}, {d}].", nameof(baseline));

        using var scope = NewDisposeScope();
        var start = baseline.to(x.dtype, x.device).reshape(shared ? 1 : n, d).expand(n, d);
        var delta = x.detach() - start;
        long points = n * (steps + 1);
        var values = zeros(points, ScalarType.Float64, x.device);
        var integral = zeros(new long[] { n, d }, ScalarType.Float64, x.device);
        for (long first = 0; first < points; first += batchSize)
        {
            using var batch = NewDisposeScope();
            long count = Math.Min(batchSize, points - first);
            var index = arange(first, first + count, ScalarType.Int64, x.device);
            var row = index.div(steps + 1, rounding_mode: RoundingMode.floor);
            var k = index.remainder(steps + 1);
            var alpha = k.to(x.dtype).div(steps).unsqueeze(1);
            var path = start.index_select(0, row) + alpha * delta.index_select(0, row);
            var (value, gradient) = InputGradients.Compute(f, path);
            values.narrow(0, first, count).copy_(value);
            // Trapezoid rule: the two end points carry half weight.
            var weight = where((k == 0).logical_or(k == steps), 0.5, 1.0).to(ScalarType.Float64).div(steps).unsqueeze(1);
            integral.index_add_(0, row, gradient.to(ScalarType.Float64) * weight, 1.0);
        }
        var attributions = (delta.to(ScalarType.Float64) * integral).cpu().data<double>().ToArray();
        var ends = values.reshape(n, steps + 1).cpu().data<double>().ToArray();
        var result = new Attribution[n];
        for (long r = 0; r < n; r++)
        {
            var a = attributions.AsSpan((int)(r * d), (int)d).ToArray();
            double atBaseline = ends[r * (steps + 1)], atX = ends[r * (steps + 1) + steps];
            result[r] = new Attribution(a, atX, atBaseline, a.Sum() - (atX - atBaseline));
        }
        return result;
    }

    /// <summary>Attributes f(x) − f(baseline) to the features of <paramref name="x"/>, for a model that
    /// computes its own gradient (or <see cref="InputGradients.Of(Func{Tensor, Tensor}, Device?)"/>).</summary>
    /// <param name="model">Returns f(z) and ∂f/∂z (same length as z) for an input z; it must not keep z.</param>
    /// <param name="x">The input explained (length d).</param>
    /// <param name="baseline">The reference input x′ (length d), e.g. all zeros or the feature means.</param>
    /// <param name="steps">Trapezoid intervals m ≥ 1; 50–300 is typical.</param>
    public static Attribution Attribute(Func<float[], (float Value, float[] Grad)> model, float[] x, float[] baseline, int steps = 50)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(baseline);
        if (x.Length != baseline.Length) throw new ArgumentException($"x has {x.Length} features, baseline has {baseline.Length}.", nameof(baseline));
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "Need at least one step.");
        int d = x.Length;
        var integral = new double[d];
        var point = new float[d];
        double valueAtX = 0, valueAtBaseline = 0;
        for (int k = 0; k <= steps; k++)
        {
            double alpha = (double)k / steps;
            for (int i = 0; i < d; i++) point[i] = (float)(baseline[i] + alpha * (x[i] - baseline[i]));
            var (value, grad) = model(point);
            if (grad.Length != d) throw new InvalidOperationException($"The model returned a gradient of length {grad.Length} for {d} features.");
            if (k == 0) valueAtBaseline = value;
            if (k == steps) valueAtX = value;
            // Trapezoid rule: the two end points carry half weight.
            double weight = (k == 0 || k == steps ? 0.5 : 1.0) / steps;
            for (int i = 0; i < d; i++) integral[i] += weight * grad[i];
        }
        var attributions = new double[d];
        for (int i = 0; i < d; i++) attributions[i] = ((double)x[i] - baseline[i]) * integral[i];
        double gap = attributions.Sum() - (valueAtX - valueAtBaseline);
        return new Attribution(attributions, valueAtX, valueAtBaseline, gap);
    }
}
