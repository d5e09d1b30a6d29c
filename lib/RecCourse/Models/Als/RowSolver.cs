using System.Numerics.Tensors;

namespace RecCourse.Models;

/// <summary>
/// The shared inner loop of ALS and WALS: for one row, gather the fixed side's vectors of the row's
/// entries as the columns of Zᵀ (k × n, so every Gram entry is one contiguous dot product), form
/// A = base + Zᵀ·diag(w)·Z + ridge·I and b = Zᵀ·t, and solve A·x = b.
/// </summary>
internal sealed class RowSolver
{
    private readonly int _k;
    private readonly double[] _zt, _wzt, _a, _b;

    public RowSolver(int k, int maxEntries)
    {
        _k = k;
        _zt = new double[k * Math.Max(1, maxEntries)];
        _wzt = new double[k * Math.Max(1, maxEntries)];
        _a = new double[k * k];
        _b = new double[k];
    }

    /// <summary>Zᵀ storage: write the fixed vector of entry j into column j (stride n).</summary>
    public Span<double> Zt(int n) => _zt.AsSpan(0, _k * n);

    /// <summary>
    /// Solves (baseGram + Zᵀ diag(weights) Z + ridge·I) x = Zᵀ targets, where Zᵀ was filled through
    /// <see cref="Zt"/>. <paramref name="weights"/> null means all ones; <paramref name="baseGram"/>
    /// empty means zero. Returns x (valid until the next call).
    /// </summary>
    public ReadOnlySpan<double> Solve(int n, ReadOnlySpan<double> targets, ReadOnlySpan<double> weights, ReadOnlySpan<double> baseGram, double ridge)
    {
        int k = _k;
        var zt = _zt.AsSpan(0, k * n);
        ReadOnlySpan<double> wzt = zt;
        if (!weights.IsEmpty)
        {
            var w = _wzt.AsSpan(0, k * n);
            for (int a = 0; a < k; a++) TensorPrimitives.Multiply<double>(zt.Slice(a * n, n), weights, w.Slice(a * n, n));
            wzt = w;
        }
        var A = _a.AsSpan();
        for (int a = 0; a < k; a++)
        {
            var za = wzt.Slice(a * n, n);
            for (int c = a; c < k; c++)
            {
                double g = TensorPrimitives.Dot<double>(za, zt.Slice(c * n, n));
                A[a * k + c] = g; A[c * k + a] = g;
            }
            A[a * k + a] += ridge;
            _b[a] = TensorPrimitives.Dot<double>(zt.Slice(a * n, n), targets);
        }
        if (!baseGram.IsEmpty) TensorPrimitives.Add<double>(A, baseGram, A);
        if (!DenseCholesky.Solve(A, _b, k))
            throw new InvalidOperationException($"ALS normal equations are singular for a row with {n} entries; use λ > 0.");
        return _b;
    }
}
