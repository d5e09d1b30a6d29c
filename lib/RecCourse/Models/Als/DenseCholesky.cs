using System.Numerics.Tensors;

namespace RecCourse.Models;

/// <summary>
/// In-place Cholesky factorisation and solve for a small symmetric positive-definite matrix stored
/// row-major in a float64 span. ALS solves thousands of 50×50 systems per iteration; MathNet's
/// managed provider allocates a matrix and a factor object per solve and was about 2× slower here
/// (see <see cref="ExplicitAls"/> remarks), so this is the one hand-written kernel of the ALS code.
/// </summary>
internal static class DenseCholesky
{
    /// <summary>
    /// Overwrites the lower triangle of <paramref name="a"/> (k×k) with L where A = L·Lᵀ, then
    /// overwrites <paramref name="b"/> with the solution of A·x = b. Returns false when A is not
    /// positive definite (a non-positive pivot).
    /// </summary>
    public static bool Solve(Span<double> a, Span<double> b, int k)
    {
        for (int j = 0; j < k; j++)
        {
            var rowJ = a.Slice(j * k, j);
            double diag = a[j * k + j] - TensorPrimitives.Dot<double>(rowJ, rowJ);
            if (!(diag > 0)) return false;
            double ljj = Math.Sqrt(diag);
            a[j * k + j] = ljj;
            for (int i = j + 1; i < k; i++)
                a[i * k + j] = (a[i * k + j] - TensorPrimitives.Dot<double>(a.Slice(i * k, j), rowJ)) / ljj;
        }
        // Forward substitution L·y = b, then back substitution Lᵀ·x = y.
        for (int i = 0; i < k; i++)
            b[i] = (b[i] - TensorPrimitives.Dot<double>(a.Slice(i * k, i), b[..i])) / a[i * k + i];
        for (int i = k - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int j = i + 1; j < k; j++) s -= a[j * k + i] * b[j];
            b[i] = s / a[i * k + i];
        }
        return true;
    }
}
