using System.Numerics.Tensors;
using MathNet.Numerics.Distributions;
using RecCourse.Data;

namespace RecCourse.Models;

/// <summary>
/// Explicit-feedback alternating least squares on mean-centred ratings. With the item factors fixed,
/// the loss Σ (r_ui − μ − p_u·q_i)² + λ Σ_u n_u‖p_u‖² + λ Σ_i n_i‖q_i‖² is a separate ridge regression
/// per user, solved in closed form: (Σ_i q_i q_iᵀ + λ n_u I) p_u = Σ_i (r_ui − μ) q_i; then the same for
/// items. Each half-step is an exact minimiser over its block, so <see cref="Loss"/> never increases.
/// </summary>
/// <remarks>
/// Cost per half-step: O(d²·n_ratings + d³·rows). The d×d systems are solved by a small in-place
/// Cholesky on float64: for a 51×51 system it measured 10 µs per solve against 22 µs for MathNet's
/// managed <c>Matrix.Cholesky().Solve</c>, which allocates a matrix, a factor and vectors per call;
/// solves are about half of an iteration's time, so MathNet would cost about 1.5× per iteration. Rows are independent, so they are solved in parallel and
/// the result is identical for any <see cref="AlsOptions.Threads"/>.
/// With <see cref="AlsOptions.Biases"/>, each side's vector is augmented: users solve for
/// [p_u, b_u] against item vectors [q_i, 1] and targets r − μ − b_i (and symmetrically for items).
/// </remarks>
public sealed class ExplicitAls : IRecommender
{
    private SparseRows? _byUser, _byItem;

    public ExplicitAls(int numUsers, int numItems, AlsOptions? options = null)
    {
        if (numUsers < 1) throw new ArgumentOutOfRangeException(nameof(numUsers), numUsers, "Need at least one user.");
        if (numItems < 1) throw new ArgumentOutOfRangeException(nameof(numItems), numItems, "Need at least one item.");
        Options = options ?? new AlsOptions();
        Options.Validate();
        NumUsers = numUsers; NumItems = numItems;
        int d = Options.Factors;
        UserFactors = new double[numUsers * d];
        ItemFactors = new double[numItems * d];
        UserBias = new double[numUsers];
        ItemBias = new double[numItems];
    }

    public AlsOptions Options { get; }
    public int NumUsers { get; }
    public int NumItems { get; }
    /// <summary>μ, the training mean the model is centred on.</summary>
    public double GlobalMean { get; private set; }
    /// <summary>User factors P, row-major NumUsers × Factors. Users without training ratings stay zero.</summary>
    public double[] UserFactors { get; }
    /// <summary>Item factors Q, row-major NumItems × Factors.</summary>
    public double[] ItemFactors { get; }
    /// <summary>b_u (all zero unless <see cref="AlsOptions.Biases"/>).</summary>
    public double[] UserBias { get; }
    /// <summary>b_i (all zero unless <see cref="AlsOptions.Biases"/>).</summary>
    public double[] ItemBias { get; }

    /// <summary>Initialises from <paramref name="train"/> and runs <see cref="AlsOptions.Iterations"/> alternations; <paramref name="onIteration"/> gets (iteration from 1, training loss).</summary>
    public ExplicitAls Fit(RatingTable train, Action<int, double>? onIteration = null)
    {
        Initialise(train);
        for (int it = 1; it <= Options.Iterations; it++)
        {
            Iterate();
            onIteration?.Invoke(it, Loss());
        }
        return this;
    }

    /// <summary>Computes μ, indexes the ratings both ways, draws Gaussian item factors (std <see cref="AlsOptions.InitStd"/>) and zeroes the rest.</summary>
    public void Initialise(RatingTable train)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0) throw new ArgumentException("The training table is empty.", nameof(train));
        GlobalMean = train.Mean();
        (_byUser, _byItem) = SparseRows.FromTable(train, NumUsers, NumItems, GlobalMean);
        var rng = new Random(Options.Seed);
        for (int i = 0; i < ItemFactors.Length; i++) ItemFactors[i] = Normal.Sample(rng, 0, Options.InitStd);
        Array.Clear(UserFactors); Array.Clear(UserBias); Array.Clear(ItemBias);
    }

    /// <summary>One alternation: <see cref="SolveUsers"/> then <see cref="SolveItems"/>.</summary>
    public void Iterate()
    {
        SolveUsers();
        SolveItems();
    }

    /// <summary>Half-step: every user's exact ridge solution given the current item side.</summary>
    public void SolveUsers() => HalfStep(Rows(_byUser), ItemFactors, ItemBias, UserFactors, UserBias);

    /// <summary>Half-step: every item's exact ridge solution given the current user side.</summary>
    public void SolveItems() => HalfStep(Rows(_byItem), UserFactors, UserBias, ItemFactors, ItemBias);

    private SparseRows Rows(SparseRows? rows) => rows ?? throw new InvalidOperationException("Call Initialise (or Fit) with training ratings first.");

    private void HalfStep(SparseRows rows, double[] other, double[] otherBias, double[] mine, double[] myBias)
    {
        int d = Options.Factors;
        bool biased = Options.Biases;
        int k = d + (biased ? 1 : 0);
        int maxN = 0;
        for (int r = 0; r < rows.RowCount; r++) maxN = Math.Max(maxN, rows.Count(r));

        void SolveRow(int r, RowSolver solver, double[] targets)
        {
            int start = rows.Offsets[r], n = rows.Count(r);
            var p = mine.AsSpan(r * d, d);
            if (n == 0) { p.Clear(); myBias[r] = 0; return; }
            var zt = solver.Zt(n);
            for (int j = 0; j < n; j++)
            {
                int c = rows.Columns[start + j];
                var v = other.AsSpan(c * d, d);
                for (int a = 0; a < d; a++) zt[a * n + j] = v[a];
                if (biased) zt[d * n + j] = 1;
                targets[j] = rows.Values[start + j] - (biased ? otherBias[c] : 0);
            }
            double ridge = Options.Lambda * (Options.ScaleLambdaByCount ? n : 1);
            var x = solver.Solve(n, targets.AsSpan(0, n), default, default, ridge);
            x[..d].CopyTo(p);
            if (biased) myBias[r] = x[d];
        }

        if (Options.Threads == 1)
        {
            var solver = new RowSolver(k, maxN); var t = new double[Math.Max(1, maxN)];
            for (int r = 0; r < rows.RowCount; r++) SolveRow(r, solver, t);
        }
        else
        {
            Parallel.For(0, rows.RowCount, new ParallelOptions { MaxDegreeOfParallelism = Options.Threads },
                () => (new RowSolver(k, maxN), new double[Math.Max(1, maxN)]),
                (r, _, s) => { SolveRow(r, s.Item1, s.Item2); return s; },
                _ => { });
        }
    }

    /// <summary>The objective ALS minimises on the training ratings (squared error plus the ridge terms, float64).</summary>
    public double Loss()
    {
        var byUser = Rows(_byUser); var byItem = Rows(_byItem);
        double loss = 0;
        for (int u = 0; u < NumUsers; u++)
            for (int p = byUser.Offsets[u]; p < byUser.Offsets[u + 1]; p++)
            {
                double e = byUser.Values[p] - RawScore(u, byUser.Columns[p]);
                loss += e * e;
            }
        loss += Penalty(byUser, UserFactors, UserBias) + Penalty(byItem, ItemFactors, ItemBias);
        return loss;
    }

    private double Penalty(SparseRows rows, double[] f, double[] bias)
    {
        int d = Options.Factors;
        double s = 0;
        for (int r = 0; r < rows.RowCount; r++)
        {
            var v = f.AsSpan(r * d, d);
            double w = Options.ScaleLambdaByCount ? rows.Count(r) : 1;
            s += w * (TensorPrimitives.Dot<double>(v, v) + bias[r] * bias[r]);
        }
        return Options.Lambda * s;
    }

    private double RawScore(int u, int i) =>
        UserBias[u] + ItemBias[i] + TensorPrimitives.Dot<double>(UserFactors.AsSpan(u * Options.Factors, Options.Factors), ItemFactors.AsSpan(i * Options.Factors, Options.Factors));

    /// <summary>μ + b_u + b_i + p_u·q_i in float64, clamped to [MinRating, MaxRating] when those are set.</summary>
    public double PredictRating(int user, int item)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"User index outside [0, {NumUsers}).");
        if ((uint)item >= (uint)NumItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"Item index outside [0, {NumItems}).");
        double s = GlobalMean + RawScore(user, item);
        if (Options.MinRating is double lo) s = Math.Max(lo, s);
        if (Options.MaxRating is double hi) s = Math.Min(hi, s);
        return s;
    }

    /// <summary><see cref="PredictRating"/> as float.</summary>
    public float Predict(int user, int item) => (float)PredictRating(user, item);

    /// <summary>Unclamped scores μ + b_u + b_i + p_u·q_i of every item for <paramref name="user"/> (length NumItems), for ranking.</summary>
    public void ScoreItems(int user, Span<float> scores)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"User index outside [0, {NumUsers}).");
        if (scores.Length != NumItems) throw new ArgumentException($"scores has length {scores.Length}, expected {NumItems}.", nameof(scores));
        int d = Options.Factors;
        var p = UserFactors.AsSpan(user * d, d);
        for (int i = 0; i < NumItems; i++)
            scores[i] = (float)(GlobalMean + UserBias[user] + ItemBias[i] + TensorPrimitives.Dot<double>(p, ItemFactors.AsSpan(i * d, d)));
    }
}
