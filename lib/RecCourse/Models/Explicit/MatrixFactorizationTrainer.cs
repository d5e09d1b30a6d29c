using System.Diagnostics;
using System.Numerics.Tensors;
using RecCourse.Data;

using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>
/// Trains <see cref="MatrixFactorizationModel"/> on explicit ratings by minimising the slides' loss
/// L = Σ (r − ŷ)² + λ(‖p_u‖² + ‖q_i‖²) + λ_b(b_u² + b_i²), with the penalty applied to the rows each
/// rating touches (Surprise / fast.ai convention), by SGD or lazy Adam (see <see cref="MfSolver"/>).
/// </summary>
public static class MatrixFactorizationTrainer
{
    /// <summary>Trains one model. <paramref name="validation"/> (optional) is scored after every epoch
    /// (RMSE in <see cref="EpochRecord.ValidationMetric"/>) and drives early stopping.</summary>
    /// <param name="onEpoch">Called after every epoch, e.g. to print progress.</param>
    /// <exception cref="ArgumentException">When a rating's user or item index is outside the model.</exception>
    public static MatrixFactorizationResult Fit(RatingTable train, int numUsers, int numItems, MatrixFactorizationOptions options,
        RatingTable? validation = null, Action<EpochRecord>? onEpoch = null)
    {
        options.Validate();
        CheckIndices(train, numUsers, numItems, nameof(train));
        if (validation is not null) CheckIndices(validation, numUsers, numItems, nameof(validation));
        if (train.Count == 0) throw new ArgumentException("no training ratings", nameof(train));

        int d = options.Dimensions;
        var model = new MatrixFactorizationModel(numUsers, numItems, d, options.YRange);
        var rng = new Random(options.Seed);
        Gaussian(rng, model.UserFactors, options.InitStd);
        Gaussian(rng, model.ItemFactors, options.InitStd);
        float mean = (float)train.Mean();
        model.GlobalBias = options.YRange is { } y ? Logit((mean - y.Low) / (y.High - y.Low)) : mean;

        var order = Enumerable.Range(0, train.Count).ToArray();
        var history = new List<EpochRecord>();
        float lr = options.LearningRate;
        double best = double.PositiveInfinity; int bestEpoch = 0, stale = 0;
        float[]? bestWeights = null;
        int[]? session = options.SessionSeconds > 0 ? model.BuildSessions(train, options.SessionSeconds) : null;
        var adam = options.Solver == MfSolver.Adam ? new AdamState(model) : null;
        var svdpp = options.ImplicitFeedback ? new ImplicitState(model, train, rng, options.InitStd, session) : null;

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            double loss = svdpp is not null ? svdpp.Epoch(train, options, lr, rng)
                : adam is null ? SgdEpoch(model, train, order, options, lr, session) : adam.Epoch(train, order, options, lr);
            sw.Stop();
            double vr = validation is null ? double.NaN : RatingError.Evaluate(model, validation).Rmse;
            var rec = new EpochRecord(epoch, loss, vr, sw.Elapsed.TotalSeconds);
            history.Add(rec);
            onEpoch?.Invoke(rec);
            lr *= options.LearningRateDecay;

            if (validation is null || options.Patience == 0) { bestEpoch = epoch; continue; }
            if (vr < best) { best = vr; bestEpoch = epoch; stale = 0; bestWeights = Snapshot(model); }
            else if (++stale >= options.Patience) break;
        }
        if (bestWeights is not null) Restore(model, bestWeights);
        return new MatrixFactorizationResult(model, history, bestEpoch);
    }

    /// <summary>Trains <paramref name="seeds"/> models with seeds Seed, Seed+1, … and averages their
    /// predictions. Returns the ensemble and each member's result.</summary>
    public static (AveragedRecommender Ensemble, IReadOnlyList<MatrixFactorizationResult> Members) FitAveraged(
        RatingTable train, int numUsers, int numItems, MatrixFactorizationOptions options, int seeds,
        RatingTable? validation = null, Action<int, EpochRecord>? onEpoch = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        var members = new List<MatrixFactorizationResult>();
        for (int s = 0; s < seeds; s++)
        {
            int member = s;
            members.Add(Fit(train, numUsers, numItems, options with { Seed = options.Seed + s }, validation,
                onEpoch is null ? null : r => onEpoch(member, r)));
        }
        return (new AveragedRecommender(members.Select(m => (IRecommender)m.Model).ToList()), members);
    }

    // One pass of per-rating SGD (mini-batches of size > 1 average the gradients before stepping).
    private static double SgdEpoch(MatrixFactorizationModel m, RatingTable t, int[] order, MatrixFactorizationOptions o, float lr, int[]? session)
    {
        int d = m.Dimensions;
        float lam = o.Regularization, lamB = o.BiasRegularization;
        var pCopy = new float[d];
        double total = 0;
        foreach (int k in order)
        {
            int u = t.Users[k], i = t.Items[k];
            float x = m.Logit(u, i) + (session is null ? 0 : m.SessionBias[session[k]]);
            (float yhat, float slope) = Output(m, x);
            float e = yhat - t.Values[k];
            total += e * e;
            // d/dx of ½(ŷ − r)²; the factor 2 of the slides' loss is folded into the learning rate.
            float g = e * slope;
            if (session is not null) m.SessionBias[session[k]] -= lr * (g + o.SessionRegularization * m.SessionBias[session[k]]);
            m.GlobalBias -= lr * g;
            m.UserBias[u] -= lr * (g + lamB * m.UserBias[u]);
            m.ItemBias[i] -= lr * (g + lamB * m.ItemBias[i]);
            Span<float> p = m.UserRow(u), q = m.ItemRow(i);
            p.CopyTo(pCopy);
            // p ← p − lr(g·q + λp);  q ← q − lr(g·p_old + λq)
            TensorPrimitives.Multiply(p, 1 - lr * lam, p);
            TensorPrimitives.MultiplyAdd(q, -lr * g, (ReadOnlySpan<float>)p, p);
            TensorPrimitives.Multiply(q, 1 - lr * lam, q);
            TensorPrimitives.MultiplyAdd(pCopy, -lr * g, (ReadOnlySpan<float>)q, q);
        }
        return total / order.Length;
    }

    /// <summary>
    /// SVD++ (Koren 2008): the user vector is p_u + |N(u)|^−½ Σ_{j∈N(u)} y_j, N(u) = the items u rated
    /// in training. Ratings are visited user by user so the implicit sum z_u is computed once per
    /// user; within the user z_u takes the same SGD steps as p_u, and the accumulated change is spread
    /// back onto the y_j at the end (which is what per-rating y_j updates add up to). After every
    /// epoch the model's <see cref="MatrixFactorizationModel.UserFactors"/> hold p_u + z_u, so the
    /// trained model predicts like a plain biased MF.
    /// </summary>
    private sealed class ImplicitState
    {
        private readonly MatrixFactorizationModel _m;
        private readonly float[] _p, _y;
        private readonly int[][] _rowsByUser, _itemsByUser;
        private readonly int[]? _session;

        public ImplicitState(MatrixFactorizationModel m, RatingTable t, Random rng, float initStd, int[]? session)
        {
            _m = m; _session = session;
            _p = (float[])m.UserFactors.Clone();
            _y = new float[m.ItemFactors.Length];
            Gaussian(rng, _y, initStd);
            var rows = Enumerable.Range(0, m.NumUsers).Select(_ => new List<int>()).ToArray();
            for (int k = 0; k < t.Count; k++) rows[t.Users[k]].Add(k);
            _rowsByUser = rows.Select(r => r.ToArray()).ToArray();
            _itemsByUser = _rowsByUser.Select(r => r.Select(k => t.Items[k]).Distinct().Order().ToArray()).ToArray();
            Publish();
        }

        public double Epoch(RatingTable t, MatrixFactorizationOptions o, float lr, Random rng)
        {
            int d = _m.Dimensions;
            float lam = o.Regularization, lamB = o.BiasRegularization;
            var users = Enumerable.Range(0, _m.NumUsers).ToArray();
            rng.Shuffle(users);
            var z = new float[d]; var z0 = new float[d]; var pu = new float[d]; var qOld = new float[d];
            double total = 0;
            foreach (int u in users)
            {
                var rows = _rowsByUser[u];
                if (rows.Length == 0) continue;
                rng.Shuffle(rows);
                ImplicitSum(u, z);
                z.CopyTo(z0, 0);
                Span<float> p = _p.AsSpan(u * d, d);
                foreach (int k in rows)
                {
                    int i = t.Items[k];
                    Span<float> q = _m.ItemRow(i);
                    TensorPrimitives.Add(p, z, pu);
                    float x = _m.GlobalBias + _m.UserBias[u] + _m.ItemBias[i] + TensorPrimitives.Dot<float>(pu, q)
                        + (_session is null ? 0 : _m.SessionBias[_session[k]]);
                    (float yhat, float slope) = Output(_m, x);
                    float e = yhat - t.Values[k];
                    total += e * e;
                    float g = e * slope;
                    if (_session is not null) _m.SessionBias[_session[k]] -= lr * (g + o.SessionRegularization * _m.SessionBias[_session[k]]);
                    _m.GlobalBias -= lr * g;
                    _m.UserBias[u] -= lr * (g + lamB * _m.UserBias[u]);
                    _m.ItemBias[i] -= lr * (g + lamB * _m.ItemBias[i]);
                    q.CopyTo(qOld);
                    TensorPrimitives.Multiply(q, 1 - lr * lam, q);
                    TensorPrimitives.MultiplyAdd(pu, -lr * g, (ReadOnlySpan<float>)q, q);
                    TensorPrimitives.Multiply(p, 1 - lr * lam, p);
                    TensorPrimitives.MultiplyAdd(qOld, -lr * g, (ReadOnlySpan<float>)p, p);
                    TensorPrimitives.Multiply(z, 1 - lr * lam, z);
                    TensorPrimitives.MultiplyAdd(qOld, -lr * g, (ReadOnlySpan<float>)z, z);
                }
                // Spread the change of z back onto the y_j: z = c Σ y_j with c = |N(u)|^−½, so adding
                // Δ/(c|N(u)|) to every y_j (after the same shrinkage z received) moves z by Δ.
                var items = _itemsByUser[u];
                float c = 1f / MathF.Sqrt(items.Length), shrink = MathF.Pow(1 - lr * lam, rows.Length);
                TensorPrimitives.Multiply(z0, shrink, z0);
                TensorPrimitives.Subtract(z, z0, z);
                TensorPrimitives.Multiply(z, 1f / (c * items.Length), z);
                foreach (int j in items)
                {
                    Span<float> yj = _y.AsSpan(j * d, d);
                    TensorPrimitives.MultiplyAdd(yj, shrink, (ReadOnlySpan<float>)z, yj);
                }
            }
            Publish();
            return total / t.Count;
        }

        private void ImplicitSum(int u, Span<float> z)
        {
            int d = _m.Dimensions;
            z.Clear();
            var items = _itemsByUser[u];
            foreach (int j in items) TensorPrimitives.Add(z, _y.AsSpan(j * d, d), z);
            if (items.Length > 0) TensorPrimitives.Multiply(z, 1f / MathF.Sqrt(items.Length), z);
        }

        // The model's user factors become the effective vectors p_u + z_u.
        private void Publish()
        {
            int d = _m.Dimensions;
            var z = new float[d];
            for (int u = 0; u < _m.NumUsers; u++)
            {
                ImplicitSum(u, z);
                TensorPrimitives.Add(_p.AsSpan(u * d, d), z, _m.UserRow(u));
            }
        }
    }

    // ŷ and dŷ/dx for the model's output mapping.
    private static (float Yhat, float Slope) Output(MatrixFactorizationModel m, float x)
    {
        if (m.YRange is not { } y) return (x, 1f);
        float s = MatrixFactorizationModel.Sigmoid(x), span = y.High - y.Low;
        return (y.Low + span * s, span * s * (1 - s));
    }

    private sealed class AdamState(MatrixFactorizationModel m)
    {
        private readonly SparseAdamTable _p = new(m.UserFactors, m.Dimensions), _q = new(m.ItemFactors, m.Dimensions);
        private readonly SparseAdamTable _bu = new(m.UserBias, 1), _bi = new(m.ItemBias, 1);
        private int _step;

        public double Epoch(RatingTable t, int[] order, MatrixFactorizationOptions o, float lr)
        {
            double total = 0;
            float lam = o.Regularization, lamB = o.BiasRegularization;
            for (int s = 0; s < order.Length; s += o.BatchSize)
            {
                int end = Math.Min(order.Length, s + o.BatchSize);
                float gMu = 0;
                for (int b = s; b < end; b++)
                {
                    int k = order[b], u = t.Users[k], i = t.Items[k];
                    (float yhat, float slope) = Output(m, m.Logit(u, i));
                    float e = yhat - t.Values[k];
                    total += e * e;
                    float g = e * slope;
                    gMu += g;
                    _bu.GradRow(u)[0] += g + lamB * m.UserBias[u];
                    _bi.GradRow(i)[0] += g + lamB * m.ItemBias[i];
                    ReadOnlySpan<float> p = m.UserRow(u), q = m.ItemRow(i);
                    _p.Accumulate(u, q, g); _p.Accumulate(u, p, lam);
                    _q.Accumulate(i, p, g); _q.Accumulate(i, q, lam);
                }
                _step++;
                float scale = 1f / (end - s);
                _p.Step(lr, _step, scale); _q.Step(lr, _step, scale);
                _bu.Step(lr, _step, scale); _bi.Step(lr, _step, scale);
                // The global bias is one well-conditioned scalar: plain SGD is enough.
                m.GlobalBias -= lr * gMu * scale;
            }
            return total / order.Length;
        }
    }

    private static void CheckIndices(RatingTable t, int numUsers, int numItems, string name)
    {
        for (int k = 0; k < t.Count; k++)
        {
            if ((uint)t.Users[k] >= (uint)numUsers) throw new ArgumentException($"{name} row {k}: user index {t.Users[k]} outside [0, {numUsers})", name);
            if ((uint)t.Items[k] >= (uint)numItems) throw new ArgumentException($"{name} row {k}: item index {t.Items[k]} outside [0, {numItems})", name);
        }
    }

    internal static void Gaussian(Random rng, Span<float> x, float std)
    {
        for (int k = 0; k < x.Length; k++)
        {
            // Box–Muller; 1 − NextDouble() avoids log(0).
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            x[k] = (float)(std * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
    }

    private static float Logit(float p)
    {
        p = Math.Clamp(p, 1e-4f, 1 - 1e-4f);
        return MathF.Log(p / (1 - p));
    }

    private static float[] Snapshot(MatrixFactorizationModel m) =>
        [m.GlobalBias, .. m.UserBias, .. m.ItemBias, .. m.UserFactors, .. m.ItemFactors, .. m.SessionBias];

    private static void Restore(MatrixFactorizationModel m, float[] w)
    {
        int o = 0;
        m.GlobalBias = w[o++];
        w.AsSpan(o, m.UserBias.Length).CopyTo(m.UserBias); o += m.UserBias.Length;
        w.AsSpan(o, m.ItemBias.Length).CopyTo(m.ItemBias); o += m.ItemBias.Length;
        w.AsSpan(o, m.UserFactors.Length).CopyTo(m.UserFactors); o += m.UserFactors.Length;
        w.AsSpan(o, m.ItemFactors.Length).CopyTo(m.ItemFactors); o += m.ItemFactors.Length;
        w.AsSpan(o, m.SessionBias.Length).CopyTo(m.SessionBias);
    }
}
