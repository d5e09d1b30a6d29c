using System.Numerics.Tensors;

namespace RecCourse.Embeddings;

/// <summary>
/// One-hot encoding, to show that an embedding layer is a matrix product in disguise: multiplying
/// the one-hot row of index i by a weight matrix W (classes × dim) selects row i of W, so frameworks
/// implement it as a lookup (O(dim)) instead of a product (O(classes·dim)).
/// </summary>
public static class OneHot
{
    /// <summary>An n × <paramref name="numClasses"/> row-major matrix with a single 1 per row at <c>indices[r]</c>.</summary>
    public static float[] Encode(ReadOnlySpan<int> indices, int numClasses)
    {
        if (numClasses < 1) throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, "Need at least one class.");
        var m = new float[indices.Length * numClasses];
        for (int r = 0; r < indices.Length; r++)
        {
            if ((uint)indices[r] >= (uint)numClasses) throw new ArgumentOutOfRangeException(nameof(indices), indices[r], $"indices[{r}] is outside [0, {numClasses}).");
            m[r * numClasses + indices[r]] = 1;
        }
        return m;
    }

    /// <summary>
    /// Dense product A·W of row-major A (n × inner) and W (inner × dim), as a plain matrix multiply
    /// that does not know A is one-hot.
    /// </summary>
    public static float[] Multiply(ReadOnlySpan<float> a, int inner, ReadOnlySpan<float> w, int dim)
    {
        int n = Similarity.Rows(a, inner);
        if (w.Length != inner * dim) throw new ArgumentException($"W has {w.Length} values, expected {inner}×{dim}.", nameof(w));
        var result = new float[n * dim];
        for (int r = 0; r < n; r++)
        {
            var row = result.AsSpan(r * dim, dim);
            for (int c = 0; c < inner; c++)
                TensorPrimitives.MultiplyAdd(w.Slice(c * dim, dim), a[r * inner + c], row, row);
        }
        return result;
    }

    /// <summary>Rows <paramref name="indices"/> of W (classes × dim), n × dim row-major: what an embedding layer does.</summary>
    public static float[] Lookup(ReadOnlySpan<float> w, int dim, ReadOnlySpan<int> indices)
    {
        int classes = Similarity.Rows(w, dim);
        var result = new float[indices.Length * dim];
        for (int r = 0; r < indices.Length; r++)
        {
            if ((uint)indices[r] >= (uint)classes) throw new ArgumentOutOfRangeException(nameof(indices), indices[r], $"indices[{r}] is outside [0, {classes}).");
            w.Slice(indices[r] * dim, dim).CopyTo(result.AsSpan(r * dim, dim));
        }
        return result;
    }
}
