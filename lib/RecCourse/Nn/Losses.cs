using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using RecCourse.Tensors;

namespace RecCourse.Nn;

/// <summary>
/// Loss functions (<c>torch.nn.functional</c>): each returns a scalar tensor (mean over the batch
/// unless said otherwise) and records its gradient for <see cref="Tensor.Backward()"/>. Targets are
/// constants: no gradient flows into them.
/// </summary>
public static class Losses
{
    /// <summary>Mean squared error mean((pred − target)²) over all values (<c>F.mse_loss</c>).</summary>
    public static Tensor Mse(Tensor prediction, ReadOnlySpan<float> target)
    {
        CheckTarget(prediction, target.Length, nameof(Mse));
        var y = TensorArena.Create([]);
        var diff = Ops.SavedFloats(y, prediction.Length);
        TensorPrimitives.Subtract(prediction.Data, target, diff);
        y.Data[0] = prediction.Length == 0 ? float.NaN : (float)(Autograd.SumOfSquares(diff) / prediction.Length);
        return Ops.Record(y, static o =>
        {
            var p = o.Input0!;
            float scale = 2f * o.Grad![0] / p.Length;
            var d = p.GradForWrite(out bool overwrite);
            if (overwrite) TensorPrimitives.Multiply(o.SavedFloats!, scale, d);
            else TensorPrimitives.MultiplyAdd(o.SavedFloats!, scale, d, d);
            p.MarkDense();
        }, prediction);
    }

    /// <summary>Mean absolute error mean|pred − target| (<c>F.l1_loss</c>); the gradient at 0 is 0.</summary>
    public static Tensor Mae(Tensor prediction, ReadOnlySpan<float> target)
    {
        CheckTarget(prediction, target.Length, nameof(Mae));
        var y = TensorArena.Create([]);
        var diff = Ops.SavedFloats(y, prediction.Length);
        TensorPrimitives.Subtract(prediction.Data, target, diff);
        double s = 0;
        foreach (float v in diff) s += Math.Abs(v);
        y.Data[0] = prediction.Length == 0 ? float.NaN : (float)(s / prediction.Length);
        return Ops.Record(y, static o =>
        {
            var p = o.Input0!;
            float scale = o.Grad![0] / p.Length;
            var diff = o.SavedFloats!;
            var d = p.GradForWrite(out bool overwrite);
            for (int i = 0; i < d.Length; i++)
            {
                float v = scale * MathF.Sign(diff[i]);
                d[i] = overwrite ? v : d[i] + v;
            }
            p.MarkDense();
        }, prediction);
    }

    /// <summary>
    /// Binary cross-entropy on logits, mean over values (<c>F.binary_cross_entropy_with_logits</c>):
    /// max(x, 0) − x·t + log(1 + e^−|x|), stable for large |x|. Targets are in [0, 1].
    /// </summary>
    public static Tensor BceWithLogits(Tensor logits, ReadOnlySpan<float> target)
    {
        CheckTarget(logits, target.Length, nameof(BceWithLogits));
        var y = TensorArena.Create([]);
        var saved = Ops.SavedFloats(y, 2 * logits.Length);
        double s = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            float x = logits.Data[i], t = target[i];
            s += Math.Max(x, 0f) - x * t + Math.Log(1 + Math.Exp(-Math.Abs(x)));
            saved[i] = t;
        }
        y.Data[0] = logits.Length == 0 ? float.NaN : (float)(s / logits.Length);
        return Ops.Record(y, static o =>
        {
            var p = o.Input0!;
            int n = p.Length;
            float scale = o.Grad![0] / n;
            var d = p.GradForWrite(out bool overwrite);
            for (int i = 0; i < n; i++)
            {
                float v = scale * (Sigmoid(p.Data[i]) - o.SavedFloats![i]);
                d[i] = overwrite ? v : d[i] + v;
            }
            p.MarkDense();
        }, logits);
    }

    /// <summary>
    /// Softmax cross-entropy of logits [batch × classes] against class indices, mean over the batch
    /// (<c>F.cross_entropy</c>). Fused log-softmax + NLL: the gradient is (softmax − onehot)/batch.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A target is outside [0, classes).</exception>
    public static Tensor CrossEntropy(Tensor logits, ReadOnlySpan<int> targets)
    {
        Ops.Matrix(logits, nameof(CrossEntropy), "logits");
        if (targets.Length != logits.Rows)
            throw new ArgumentException($"CrossEntropy: {targets.Length} targets for {logits.Rows} rows of logits {logits.ShapeString}.");
        int b = logits.Rows, c = logits.Cols;
        var y = TensorArena.Create([]);
        var probs = Ops.SavedFloats(y, logits.Length);
        double loss = 0;
        for (int r = 0; r < b; r++)
        {
            int t = targets[r];
            if ((uint)t >= (uint)c) throw new ArgumentOutOfRangeException(nameof(targets), t, $"CrossEntropy: target {t} at row {r} is outside [0, {c}).");
            var xr = logits.Data.AsSpan(r * c, c);
            loss -= RowLogSoftmaxTo(xr, probs.AsSpan(r * c, c), t);
        }
        y.Data[0] = b == 0 ? float.NaN : (float)(loss / b);
        Ops.SavedInts(y, targets);
        return Ops.Record(y, static o =>
        {
            var x = o.Input0!;
            int b = x.Rows, c = x.Cols;
            float scale = o.Grad![0] / b;
            var probs = o.SavedFloats!;
            var d = x.GradForWrite(out bool overwrite);
            for (int r = 0; r < b; r++)
            {
                var pr = probs.AsSpan(r * c, c);
                var dr = d.Slice(r * c, c);
                if (overwrite) TensorPrimitives.Multiply(pr, scale, dr); else TensorPrimitives.MultiplyAdd(pr, scale, dr, dr);
                dr[o.SavedInts![r]] -= scale;
            }
            x.MarkDense();
        }, logits);
    }

    /// <summary>
    /// Sampled softmax cross-entropy with shared negatives: for each row r the logits are
    /// [q_r·p_r, q_r·n_1, …, q_r·n_S] and the target is column 0. A negative equal to the row's positive
    /// item (an accidental hit) gets logit −∞. With a uniform proposal the log-Q correction is a
    /// constant and cancels, so none is applied.
    /// </summary>
    /// <param name="query">User/query vectors [batch × d].</param>
    /// <param name="positive">Embeddings of each row's positive item [batch × d].</param>
    /// <param name="negatives">Embeddings of the shared negatives [S × d].</param>
    /// <param name="positiveIds">Item id of each row's positive (for accidental-hit masking).</param>
    /// <param name="negativeIds">Item id of each negative.</param>
    public static Tensor SampledSoftmax(Tensor query, Tensor positive, Tensor negatives, ReadOnlySpan<int> positiveIds, ReadOnlySpan<int> negativeIds)
    {
        Ops.Matrix(query, nameof(SampledSoftmax), "query");
        Ops.SameShape(query, positive, nameof(SampledSoftmax));
        Ops.Matrix(negatives, nameof(SampledSoftmax), "negatives");
        if (negatives.Cols != query.Cols) throw new ArgumentException($"SampledSoftmax: negatives {negatives.ShapeString} and query {query.ShapeString} differ in width.");
        if (positiveIds.Length != query.Rows || negativeIds.Length != negatives.Rows)
            throw new ArgumentException($"SampledSoftmax: {positiveIds.Length} positive ids for {query.Rows} rows, {negativeIds.Length} negative ids for {negatives.Rows} negatives.");
        int b = query.Rows, s = negatives.Rows, dim = query.Cols, c = s + 1;
        var y = TensorArena.Create([]);
        // probs[r, 0] is the positive, probs[r, 1 + j] negative j; masked entries get probability 0.
        var probs = Ops.SavedFloats(y, b * c);
        Gemm.Multiply(query.Data, dim, false, negatives.Data, dim, true, probs.AsSpan(), c, b, s, dim, false);
        // the GEMM wrote the negatives' logits with a row stride of c starting at column 0; shift them
        // one column right (backwards, so nothing is overwritten before it is read) to make room for the positive.
        for (int r = b - 1; r >= 0; r--)
        {
            var row = probs.AsSpan(r * c, c);
            row.Slice(0, s).CopyTo(row.Slice(1));
            row[0] = TensorPrimitives.Dot(query.Data.AsSpan(r * dim, dim), positive.Data.AsSpan(r * dim, dim));
            int p = positiveIds[r];
            for (int j = 0; j < s; j++) if (negativeIds[j] == p) row[1 + j] = float.NegativeInfinity;
        }
        double loss = 0;
        for (int r = 0; r < b; r++)
        {
            var row = probs.AsSpan(r * c, c);
            loss -= row[0] - Ops.LogSumExp(row);
            TensorPrimitives.SoftMax(row, row);
        }
        y.Data[0] = b == 0 ? float.NaN : (float)(loss / b);
        return Ops.Record(y, static o =>
        {
            var q = o.Input0!; var pos = o.Input1!; var neg = o.Input2!;
            int b = q.Rows, dim = q.Cols, s = neg.Rows, c = s + 1;
            float scale = o.Grad![0] / b;
            var probs = o.SavedFloats!;
            // dlogits = (softmax − onehot(0)) · scale, in place.
            for (int r = 0; r < b; r++)
            {
                var row = probs.AsSpan(r * c, c);
                TensorPrimitives.Multiply(row, scale, row);
                row[0] -= scale;
            }
            if (q.RequiresGrad)
            {
                var dq = q.GradForWrite(out bool overwrite);
                Gemm.Multiply(probs.AsSpan(1), c, false, neg.Data, dim, false, dq, dim, b, dim, s, !overwrite);
                for (int r = 0; r < b; r++)
                    TensorPrimitives.MultiplyAdd(pos.Data.AsSpan(r * dim, dim), probs[r * c], dq.Slice(r * dim, dim), dq.Slice(r * dim, dim));
                q.MarkDense();
            }
            if (pos.RequiresGrad)
            {
                var dp = pos.GradForWrite(out bool overwrite);
                for (int r = 0; r < b; r++)
                {
                    var dst = dp.Slice(r * dim, dim);
                    if (overwrite) TensorPrimitives.Multiply(q.Data.AsSpan(r * dim, dim), probs[r * c], dst);
                    else TensorPrimitives.MultiplyAdd(q.Data.AsSpan(r * dim, dim), probs[r * c], dst, dst);
                }
                pos.MarkDense();
            }
            if (neg.RequiresGrad)
            {
                var dn = neg.GradForWrite(out bool overwrite);
                Gemm.Multiply(probs.AsSpan(1), c, true, q.Data, dim, false, dn, dim, s, dim, b, !overwrite);
                neg.MarkDense();
            }
        }, query, positive, negatives);
    }

    /// <summary>
    /// Margin (triplet) ranking loss mean(max(0, margin − pos + neg)) for positive and negative scores
    /// of equal shape (<c>F.margin_ranking_loss</c> with y = 1; lectures-labs' triplet loss).
    /// </summary>
    public static Tensor MarginRanking(Tensor positive, Tensor negative, float margin = 1f)
    {
        Ops.SameShape(positive, negative, nameof(MarginRanking));
        var y = TensorArena.Create([]);
        var active = Ops.SavedFloats(y, positive.Length);
        double s = 0;
        for (int i = 0; i < positive.Length; i++)
        {
            float h = margin - positive.Data[i] + negative.Data[i];
            active[i] = h > 0 ? 1f : 0f;
            s += Math.Max(h, 0f);
        }
        y.Data[0] = positive.Length == 0 ? float.NaN : (float)(s / positive.Length);
        return Ops.Record(y, static o =>
        {
            float scale = o.Grad![0] / o.Input0!.Length;
            PairGrad(o, scale, o.SavedFloats!);
        }, positive, negative);
    }

    /// <summary>
    /// Bayesian personalised ranking loss mean(−log σ(pos − neg)) = mean(softplus(neg − pos)),
    /// computed stably.
    /// </summary>
    public static Tensor Bpr(Tensor positive, Tensor negative)
    {
        Ops.SameShape(positive, negative, nameof(Bpr));
        var y = TensorArena.Create([]);
        var w = Ops.SavedFloats(y, positive.Length);
        double s = 0;
        for (int i = 0; i < positive.Length; i++)
        {
            double z = negative.Data[i] - positive.Data[i];
            s += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
            w[i] = Sigmoid((float)z); // d softplus(z)/dz
        }
        y.Data[0] = positive.Length == 0 ? float.NaN : (float)(s / positive.Length);
        return Ops.Record(y, static o =>
        {
            float scale = o.Grad![0] / o.Input0!.Length;
            PairGrad(o, scale, o.SavedFloats!);
        }, positive, negative);
    }

    /// <summary>L2 penalty Σ_t Σ w² over the given tensors (multiply by λ yourself; no ½).</summary>
    public static Tensor L2(params Tensor[] tensors)
    {
        var y = TensorArena.Create([]);
        double s = 0;
        bool needs = false;
        foreach (var t in tensors) { s += Autograd.SumOfSquares(t.Data); needs |= Autograd.Needs(t); }
        y.Data[0] = (float)s;
        if (!needs) return y;
        var list = y.SpareInputList is { } sp && sp.Length == tensors.Length ? sp : (y.SpareInputList = new Tensor[tensors.Length]);
        tensors.CopyTo(list, 0);
        y.RequiresGrad = true;
        y.InputList = list;
        y.BackwardFn = static o =>
        {
            float scale = 2f * o.Grad![0];
            foreach (var t in o.InputList!)
            {
                if (!t.RequiresGrad) continue;
                var d = t.GradForWrite(out bool overwrite);
                if (overwrite) TensorPrimitives.Multiply(t.Data, scale, d); else TensorPrimitives.MultiplyAdd(t.Data, scale, d, d);
                t.MarkDense();
            }
        };
        return y;
    }

    /// <summary>∂/∂pos = −scale·w, ∂/∂neg = +scale·w for pairwise losses.</summary>
    private static void PairGrad(Tensor o, float scale, float[] w)
    {
        var pos = o.Input0!; var neg = o.Input1!;
        if (pos.RequiresGrad)
        {
            var d = pos.GradForWrite(out bool overwrite);
            if (overwrite) TensorPrimitives.Multiply(w, -scale, d); else TensorPrimitives.MultiplyAdd(w, -scale, d, d);
            pos.MarkDense();
        }
        if (neg.RequiresGrad)
        {
            var d = neg.GradForWrite(out bool overwrite);
            if (overwrite) TensorPrimitives.Multiply(w, scale, d); else TensorPrimitives.MultiplyAdd(w, scale, d, d);
            neg.MarkDense();
        }
    }

    /// <summary>Writes softmax(x) into probs (must not overlap x) and returns log softmax(x)[target].</summary>
    private static double RowLogSoftmaxTo(ReadOnlySpan<float> x, Span<float> probs, int target)
    {
        float xt = x[target];
        TensorPrimitives.SoftMax(x, probs);
        float pt = probs[target];
        // log p_t is exact enough unless p_t underflowed; then use x_t − logsumexp(x) directly.
        if (pt > 1e-30f) return Math.Log(pt);
        return xt - Ops.LogSumExp(x);
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    private static void CheckTarget(Tensor prediction, int n, string op)
    {
        if (n != prediction.Length)
            throw new ArgumentException($"{op}: {n} targets for a prediction of shape {prediction.ShapeString}.");
    }
}
