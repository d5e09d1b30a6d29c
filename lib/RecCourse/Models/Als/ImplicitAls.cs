using System.Numerics.Tensors;
using MathNet.Numerics.Distributions;
using RecCourse.Data;

namespace RecCourse.Models;

/// <summary>
/// Weighted ALS for implicit feedback (Hu, Koren and Volinsky 2008). Every (user, item) cell has a
/// preference p (1 if observed, else 0) and a weight: c = 1 + α·r when observed, w0 when not. The loss
/// Σ_all c (p − x_u·y_i)² + λ(‖X‖² + ‖Y‖²) covers the whole matrix, yet each user's solve costs only
/// O(d²·n_u + d³) thanks to A_u = w0·YᵀY + Yᵀ(C_u − w0·I)Y + λI, where YᵀY is shared by all users and
/// C_u − w0·I is non-zero only on the user's observed items; b_u = Yᵀ C_u p_u sums over those only.
/// </summary>
public sealed class ImplicitAls : IRecommender
{
    private SparseRows? _byUser, _byItem;

    public ImplicitAls(int numUsers, int numItems, WalsOptions? options = null)
    {
        if (numUsers < 1) throw new ArgumentOutOfRangeException(nameof(numUsers), numUsers, "Need at least one user.");
        if (numItems < 1) throw new ArgumentOutOfRangeException(nameof(numItems), numItems, "Need at least one item.");
        Options = options ?? new WalsOptions();
        Options.Validate();
        NumUsers = numUsers; NumItems = numItems;
        UserFactors = new double[numUsers * Options.Factors];
        ItemFactors = new double[numItems * Options.Factors];
    }

    public WalsOptions Options { get; }
    public int NumUsers { get; }
    public int NumItems { get; }
    /// <summary>X, row-major NumUsers × Factors.</summary>
    public double[] UserFactors { get; }
    /// <summary>Y, row-major NumItems × Factors.</summary>
    public double[] ItemFactors { get; }

    /// <summary>
    /// Trains on the observed entries of <paramref name="train"/> (value r ≥ 0 = strength, e.g. a play
    /// count or 1; duplicates of a cell add up as separate entries). <paramref name="onIteration"/> gets
    /// (iteration from 1, whole-matrix loss); computing that loss is O(users·items·d), so pass null on big data.
    /// </summary>
    public ImplicitAls Fit(RatingTable train, Action<int, double>? onIteration = null)
    {
        Initialise(train);
        for (int it = 1; it <= Options.Iterations; it++)
        {
            SolveUsers();
            SolveItems();
            onIteration?.Invoke(it, Loss());
        }
        return this;
    }

    /// <summary>Indexes the observed entries and draws Gaussian item factors.</summary>
    public void Initialise(RatingTable train)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0) throw new ArgumentException("The training table is empty.", nameof(train));
        foreach (float v in train.Values)
            if (!(v >= 0)) throw new ArgumentException($"Implicit strengths must be ≥ 0; found {v}.", nameof(train));
        (_byUser, _byItem) = SparseRows.FromTable(train, NumUsers, NumItems, 0);
        var rng = new Random(Options.Seed);
        for (int i = 0; i < ItemFactors.Length; i++) ItemFactors[i] = Normal.Sample(rng, 0, Options.InitStd);
        Array.Clear(UserFactors);
    }

    /// <summary>Half-step: every user's exact weighted ridge solution given Y.</summary>
    public void SolveUsers() => HalfStep(Rows(_byUser), ItemFactors, NumItems, UserFactors);

    /// <summary>Half-step: every item's exact weighted ridge solution given X.</summary>
    public void SolveItems() => HalfStep(Rows(_byItem), UserFactors, NumUsers, ItemFactors);

    private SparseRows Rows(SparseRows? rows) => rows ?? throw new InvalidOperationException("Call Initialise (or Fit) with training data first.");

    private void HalfStep(SparseRows rows, double[] other, int otherCount, double[] mine)
    {
        int d = Options.Factors;
        double w0 = Options.UnobservedWeight, alpha = Options.Alpha;
        var baseGram = Gram(other, otherCount, d);
        TensorPrimitives.Multiply<double>(baseGram, w0, baseGram);
        int maxN = 0;
        for (int r = 0; r < rows.RowCount; r++) maxN = Math.Max(maxN, rows.Count(r));
        int bufN = Math.Max(1, maxN);

        void SolveRow(int r, RowSolver solver, double[] targets, double[] weights)
        {
            int start = rows.Offsets[r], n = rows.Count(r);
            var zt = solver.Zt(n);
            for (int j = 0; j < n; j++)
            {
                var v = other.AsSpan(rows.Columns[start + j] * d, d);
                for (int a = 0; a < d; a++) zt[a * n + j] = v[a];
                double c = 1 + alpha * rows.Values[start + j];
                targets[j] = c;            // c·p with p = 1
                weights[j] = c - w0;       // the correction to the shared w0·YᵀY
            }
            var x = solver.Solve(n, targets.AsSpan(0, n), weights.AsSpan(0, n), baseGram, Options.Lambda);
            x.CopyTo(mine.AsSpan(r * d, d));
        }

        if (Options.Threads == 1)
        {
            var s = new RowSolver(d, maxN); var t = new double[bufN]; var w = new double[bufN];
            for (int r = 0; r < rows.RowCount; r++) SolveRow(r, s, t, w);
        }
        else
        {
            Parallel.For(0, rows.RowCount, new ParallelOptions { MaxDegreeOfParallelism = Options.Threads },
                () => (new RowSolver(d, maxN), new double[bufN], new double[bufN]),
                (r, _, s) => { SolveRow(r, s.Item1, s.Item2, s.Item3); return s; },
                _ => { });
        }
    }

    /// <summary>FᵀF (d × d) of a row-major n × d matrix.</summary>
    private static double[] Gram(double[] f, int n, int d)
    {
        var ft = new double[d * n];
        for (int r = 0; r < n; r++)
            for (int a = 0; a < d; a++) ft[a * n + r] = f[r * d + a];
        var g = new double[d * d];
        for (int a = 0; a < d; a++)
            for (int c = a; c < d; c++)
                g[a * d + c] = g[c * d + a] = TensorPrimitives.Dot<double>(ft.AsSpan(a * n, n), ft.AsSpan(c * n, n));
        return g;
    }

    /// <summary>The whole-matrix weighted loss (float64, O(users·items·d)).</summary>
    public double Loss()
    {
        var byUser = Rows(_byUser);
        int d = Options.Factors;
        double w0 = Options.UnobservedWeight, loss = 0;
        var observed = new Dictionary<int, double>();
        for (int u = 0; u < NumUsers; u++)
        {
            observed.Clear();
            for (int p = byUser.Offsets[u]; p < byUser.Offsets[u + 1]; p++)
                observed[byUser.Columns[p]] = observed.GetValueOrDefault(byUser.Columns[p]) + byUser.Values[p];
            for (int i = 0; i < NumItems; i++)
            {
                double s = Score(u, i);
                loss += observed.TryGetValue(i, out double r) ? (1 + Options.Alpha * r) * (1 - s) * (1 - s) : w0 * s * s;
            }
        }
        loss += Options.Lambda * (TensorPrimitives.Dot<double>(UserFactors, UserFactors) + TensorPrimitives.Dot<double>(ItemFactors, ItemFactors));
        return loss;
    }

    /// <summary>x_u·y_i, the predicted preference (about 1 for items the user would pick, about 0 otherwise).</summary>
    public double Score(int user, int item)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"User index outside [0, {NumUsers}).");
        if ((uint)item >= (uint)NumItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"Item index outside [0, {NumItems}).");
        int d = Options.Factors;
        return TensorPrimitives.Dot<double>(UserFactors.AsSpan(user * d, d), ItemFactors.AsSpan(item * d, d));
    }

    /// <summary><see cref="Score"/> as float.</summary>
    public float Predict(int user, int item) => (float)Score(user, item);

    /// <summary>Scores of every item for <paramref name="user"/> (length NumItems), for ranking.</summary>
    public void ScoreItems(int user, Span<float> scores)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"User index outside [0, {NumUsers}).");
        if (scores.Length != NumItems) throw new ArgumentException($"scores has length {scores.Length}, expected {NumItems}.", nameof(scores));
        int d = Options.Factors;
        var x = UserFactors.AsSpan(user * d, d);
        for (int i = 0; i < NumItems; i++) scores[i] = (float)TensorPrimitives.Dot<double>(x, ItemFactors.AsSpan(i * d, d));
    }
}
