using System.Numerics.Tensors;
using MathNet.Numerics.Distributions;
using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// Context-aware matrix factorisation (CAMF): a biased MF whose prediction adds one learned bias per
/// context condition of the rating, Σ over the rating's dimensions (see <see cref="CamfVariant"/>).
/// Trained by per-rating SGD on squared error with L2 (<see cref="SgdOptions"/>). Conditions are
/// numbered globally across dimensions (dimension 0's conditions first), as in CARSKit. A condition
/// recorded as <see cref="ContextCondition.Unknown"/> adds no bias (its dimension is left out of the sum)
/// and receives no update.
/// </summary>
public sealed class Camf
{
    private readonly int[] _offsets;
    private readonly int _conditions;

    /// <param name="keepBaselineBiases">
    /// Also learn the b_i that CAMF_CI drops (and the b_u that CAMF_CU drops), so the contextual biases
    /// are deviations from the item's (user's) usual level, as in Baltrunas et al. (2011), whose CAMF-CI has
    /// the item mean ī next to Σ B_{i,c}. CARSKit's forms (the default, false) make the per-condition biases
    /// carry the item's whole bias, which costs accuracy on items with few ratings per condition.
    /// </param>
    public Camf(int numUsers, int numItems, ContextSchema schema, CamfVariant variant, SgdOptions? options = null, bool keepBaselineBiases = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (numUsers < 1) throw new ArgumentOutOfRangeException(nameof(numUsers), numUsers, "Need at least one user.");
        if (numItems < 1) throw new ArgumentOutOfRangeException(nameof(numItems), numItems, "Need at least one item.");
        Options = options ?? new SgdOptions();
        Options.Validate();
        NumUsers = numUsers; NumItems = numItems; Schema = schema; Variant = variant; KeepBaselineBiases = keepBaselineBiases;
        _offsets = new int[schema.Dimensions.Length];
        for (int d = 1; d < _offsets.Length; d++) _offsets[d] = _offsets[d - 1] + schema.Conditions[d - 1].Length;
        _conditions = schema.Conditions.Sum(c => c.Length);
        int f = Options.Factors;
        UserFactors = new double[numUsers * f]; ItemFactors = new double[numItems * f];
        UserBias = new double[numUsers]; ItemBias = new double[numItems];
        ConditionBias = variant switch
        {
            CamfVariant.C => new double[_conditions],
            CamfVariant.CI => new double[numItems * _conditions],
            _ => new double[numUsers * _conditions],
        };
    }

    public SgdOptions Options { get; }
    public CamfVariant Variant { get; }
    /// <summary>Whether CI keeps b_i and CU keeps b_u (see the constructor).</summary>
    public bool KeepBaselineBiases { get; }
    public ContextSchema Schema { get; }
    public int NumUsers { get; }
    public int NumItems { get; }
    public double GlobalMean { get; private set; }
    /// <summary>NumUsers × Factors row-major.</summary>
    public double[] UserFactors { get; }
    /// <summary>NumItems × Factors row-major.</summary>
    public double[] ItemFactors { get; }
    /// <summary>b_u (stays 0 for CAMF_CU unless <see cref="KeepBaselineBiases"/>).</summary>
    public double[] UserBias { get; }
    /// <summary>b_i (stays 0 for CAMF_CI unless <see cref="KeepBaselineBiases"/>).</summary>
    public double[] ItemBias { get; }
    /// <summary>
    /// Contextual biases, indexed by global condition g: B[g] (C), B[item·G + g] (CI) or B[user·G + g] (CU),
    /// with G = total conditions; see <see cref="GlobalCondition"/>.
    /// </summary>
    public double[] ConditionBias { get; }

    /// <summary>The global index of condition <paramref name="condition"/> of dimension <paramref name="dimension"/>.</summary>
    public int GlobalCondition(int dimension, int condition) => _offsets[dimension] + condition;

    /// <summary>Trains on <paramref name="train"/> (needs context columns matching the schema); <paramref name="onEpoch"/> gets (epoch from 1, training RMSE during that epoch).</summary>
    public Camf Fit(RatingTable train, Action<int, double>? onEpoch = null)
    {
        var ctx = CheckContext(train);
        for (int r = 0; r < train.Count; r++)
        {
            if ((uint)train.Users[r] >= (uint)NumUsers || (uint)train.Items[r] >= (uint)NumItems)
                throw new ArgumentException($"Rating {r} has user {train.Users[r]} / item {train.Items[r]} outside {NumUsers} users / {NumItems} items.", nameof(train));
            for (int d = 0; d < ctx.Length; d++)
                if (ctx[d][r] != ContextCondition.Unknown && (uint)ctx[d][r] >= (uint)Schema.Conditions[d].Length)
                    throw new ArgumentException($"Rating {r}: condition {ctx[d][r]} of dimension '{Schema.Dimensions[d]}' is outside [0, {Schema.Conditions[d].Length}) and not ContextCondition.Unknown (−1).", nameof(train));
        }
        GlobalMean = train.Mean();
        var rng = new Random(Options.Seed);
        for (int k = 0; k < UserFactors.Length; k++) UserFactors[k] = Normal.Sample(rng, 0, Options.InitStd);
        for (int k = 0; k < ItemFactors.Length; k++) ItemFactors[k] = Normal.Sample(rng, 0, Options.InitStd);
        Array.Clear(UserBias); Array.Clear(ItemBias); Array.Clear(ConditionBias);
        int f = Options.Factors, dims = _offsets.Length;
        double lr = Options.LearningRate, reg = Options.Regularization, regContext = Options.ContextRegularization ?? Options.Regularization;
        var order = Enumerable.Range(0, train.Count).ToArray();
        Span<int> g = stackalloc int[dims];
        // Per-update L2 of each contextual bias: regContext, plus λ_C / (its training count) when shrinking.
        var slotReg = new double[ConditionBias.Length];
        Array.Fill(slotReg, regContext);
        if (Options.ContextShrinkage > 0)
        {
            var count = new int[ConditionBias.Length];
            for (int r = 0; r < train.Count; r++)
                for (int d = 0; d < dims; d++)
                    if (ctx[d][r] != ContextCondition.Unknown) count[BiasSlot(train.Users[r], train.Items[r], _offsets[d] + ctx[d][r])]++;
            for (int k = 0; k < count.Length; k++) if (count[k] > 0) slotReg[k] += Options.ContextShrinkage / count[k];
        }
        var pOld = new double[f];
        for (int epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            double se = 0;
            foreach (int r in order)
            {
                int u = train.Users[r], i = train.Items[r];
                for (int d = 0; d < dims; d++) g[d] = ctx[d][r] == ContextCondition.Unknown ? -1 : BiasSlot(u, i, _offsets[d] + ctx[d][r]);
                double e = train.Values[r] - Raw(u, i, g);
                se += e * e;
                if (Variant != CamfVariant.CU || KeepBaselineBiases) UserBias[u] += lr * (e - reg * UserBias[u]);
                if (Variant != CamfVariant.CI || KeepBaselineBiases) ItemBias[i] += lr * (e - reg * ItemBias[i]);
                foreach (int slot in g)
                    if (slot >= 0) ConditionBias[slot] += lr * (e - slotReg[slot] * ConditionBias[slot]);
                SgdFactors(UserFactors.AsSpan(u * f, f), ItemFactors.AsSpan(i * f, f), pOld, e, lr, reg);
            }
            onEpoch?.Invoke(epoch, Math.Sqrt(se / Math.Max(1, train.Count)));
            lr *= Options.LearningRateDecay;
        }
        return this;
    }

    /// <summary>p ← p + lr(e·q − reg·p), q ← q + lr(e·p_old − reg·q): the simultaneous SGD step of Funk SVD.</summary>
    internal static void SgdFactors(Span<double> p, Span<double> q, Span<double> pOld, double e, double lr, double reg)
    {
        p.CopyTo(pOld);
        for (int a = 0; a < p.Length; a++)
        {
            p[a] += lr * (e * q[a] - reg * p[a]);
            q[a] += lr * (e * pOld[a] - reg * q[a]);
        }
    }

    private int BiasSlot(int u, int i, int global) => Variant switch
    {
        CamfVariant.C => global,
        CamfVariant.CI => i * _conditions + global,
        _ => u * _conditions + global,
    };

    private double Raw(int u, int i, ReadOnlySpan<int> slots)
    {
        int f = Options.Factors;
        double s = GlobalMean + UserBias[u] + ItemBias[i] + TensorPrimitives.Dot<double>(UserFactors.AsSpan(u * f, f), ItemFactors.AsSpan(i * f, f));
        foreach (int slot in slots)
            if (slot >= 0) s += ConditionBias[slot];
        return s;
    }

    /// <summary>
    /// The predicted rating of <paramref name="item"/> by <paramref name="user"/> in <paramref name="context"/>
    /// (one condition index per dimension, or <see cref="ContextCondition.Unknown"/> for a dimension that
    /// was not recorded), clamped when the options say so.
    /// </summary>
    public double Predict(int user, int item, ReadOnlySpan<int> context)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"User index outside [0, {NumUsers}).");
        if ((uint)item >= (uint)NumItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"Item index outside [0, {NumItems}).");
        if (context.Length != _offsets.Length) throw new ArgumentException($"Context has {context.Length} conditions; the schema has {_offsets.Length} dimensions.", nameof(context));
        Span<int> g = stackalloc int[context.Length];
        for (int d = 0; d < context.Length; d++)
        {
            if (context[d] == ContextCondition.Unknown) { g[d] = -1; continue; }
            if ((uint)context[d] >= (uint)Schema.Conditions[d].Length)
                throw new ArgumentOutOfRangeException(nameof(context), context[d], $"Condition of dimension '{Schema.Dimensions[d]}' outside [0, {Schema.Conditions[d].Length}).");
            g[d] = BiasSlot(user, item, _offsets[d] + context[d]);
        }
        return Options.Clamp(Raw(user, item, g));
    }

    /// <summary>Predicts row <paramref name="row"/> of a table with context columns (e.g. a test split).</summary>
    public double Predict(RatingTable table, int row)
    {
        var ctx = CheckContext(table);
        Span<int> c = stackalloc int[ctx.Length];
        for (int d = 0; d < ctx.Length; d++) c[d] = ctx[d][row];
        return Predict(table.Users[row], table.Items[row], c);
    }

    private int[][] CheckContext(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var ctx = table.Context ?? throw new ArgumentException("The rating table has no context columns.", nameof(table));
        if (ctx.Length != _offsets.Length) throw new ArgumentException($"The table has {ctx.Length} context columns; the schema has {_offsets.Length} dimensions.", nameof(table));
        return ctx;
    }
}
