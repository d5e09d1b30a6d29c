using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace RecCourse.Embeddings;

/// <summary>Principal component analysis by singular value decomposition of the centred data.</summary>
public static class Pca
{
    /// <summary>
    /// Fits PCA to <paramref name="data"/> (n × <paramref name="dim"/> row-major, n ≥ 2) keeping
    /// <paramref name="k"/> ≤ min(n, dim) components. With X the centred data and X = U·S·Vᵀ, the
    /// components are the rows of Vᵀ, the variances S²/(n − 1) and the projections X·V = U·S.
    /// </summary>
    /// <remarks>
    /// For tall data (n &gt; dim, e.g. 1682 item embeddings of size 50) a thin QR first (X = Q·R) reduces
    /// the SVD to the dim × dim matrix R, which has the same singular values and right vectors; a full
    /// SVD of X would build an n × n U.
    /// </remarks>
    public static PcaResult Fit(ReadOnlySpan<float> data, int dim, int k)
    {
        int n = Similarity.Rows(data, dim);
        if (n < 2) throw new ArgumentException($"PCA needs at least 2 rows, got {n}.", nameof(data));
        if (k < 1 || k > Math.Min(n, dim)) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [1, {Math.Min(n, dim)}].");
        var x = Matrix<double>.Build.Dense(n, dim);
        var mean = new double[dim];
        for (int r = 0; r < n; r++) for (int a = 0; a < dim; a++) mean[a] += data[r * dim + a];
        for (int a = 0; a < dim; a++) mean[a] /= n;
        for (int r = 0; r < n; r++) for (int a = 0; a < dim; a++) x[r, a] = data[r * dim + a] - mean[a];

        var reduced = n > dim ? x.QR(QRMethod.Thin).R : x;
        var svd = reduced.Svd(computeVectors: true);
        var s = svd.S; var vt = svd.VT;
        double total = s.Sum(v => v * v);
        var components = new double[k * dim];
        var variance = new double[k]; var ratio = new double[k];
        for (int c = 0; c < k; c++)
        {
            int argMax = 0;
            for (int a = 1; a < dim; a++) if (Math.Abs(vt[c, a]) > Math.Abs(vt[c, argMax])) argMax = a;
            double sign = vt[c, argMax] < 0 ? -1 : 1;
            for (int a = 0; a < dim; a++) components[c * dim + a] = sign * vt[c, a];
            variance[c] = s[c] * s[c] / (n - 1);
            ratio[c] = total > 0 ? s[c] * s[c] / total : 0;
        }
        var projected = new float[n * k];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < k; c++)
            {
                double z = 0;
                for (int a = 0; a < dim; a++) z += x[r, a] * components[c * dim + a];
                projected[r * k + c] = (float)z;
            }
        return new PcaResult(dim, k, mean, components, variance, ratio, projected);
    }
}
