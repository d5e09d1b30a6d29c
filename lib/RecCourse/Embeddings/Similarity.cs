using System.Numerics.Tensors;

namespace RecCourse.Embeddings;

/// <summary>
/// Similarities between embedding vectors and exact k-nearest-neighbour search over the rows of a
/// row-major matrix (n rows × dim columns, stored as one float array).
/// </summary>
public static class Similarity
{
    /// <summary>Cosine similarity in [−1, 1]. Throws on length mismatch; NaN when either vector is all zeros.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        CheckLengths(a, b);
        return a.IsEmpty ? float.NaN : TensorPrimitives.CosineSimilarity(a, b);
    }

    /// <summary>Euclidean distance ‖a − b‖₂ (0 for empty vectors). Throws on length mismatch.</summary>
    public static float Euclidean(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        CheckLengths(a, b);
        return a.IsEmpty ? 0f : TensorPrimitives.Distance(a, b);
    }

    /// <summary>Cosine or euclidean score of two vectors.</summary>
    public static float Score(ReadOnlySpan<float> a, ReadOnlySpan<float> b, SimilarityMetric metric) =>
        metric == SimilarityMetric.Cosine ? Cosine(a, b) : Euclidean(a, b);

    /// <summary>
    /// The <paramref name="k"/> rows of <paramref name="data"/> (n × <paramref name="dim"/>) nearest to
    /// row <paramref name="query"/>, itself excluded: highest cosine first, or smallest distance first.
    /// Ties keep the lower row index first, so results are reproducible. Returns min(k, n − 1) entries.
    /// </summary>
    public static Neighbour[] NearestNeighbours(ReadOnlySpan<float> data, int dim, int query, int k, SimilarityMetric metric = SimilarityMetric.Cosine)
    {
        int n = Rows(data, dim);
        if ((uint)query >= (uint)n) throw new ArgumentOutOfRangeException(nameof(query), query, $"Row index outside [0, {n}).");
        return Nearest(data, dim, data.Slice(query * dim, dim), query, k, metric);
    }

    /// <summary>
    /// Like <see cref="NearestNeighbours(ReadOnlySpan{float}, int, int, int, SimilarityMetric)"/> for an
    /// outside vector <paramref name="vector"/> (length dim); no row is excluded.
    /// </summary>
    public static Neighbour[] NearestNeighbours(ReadOnlySpan<float> data, int dim, ReadOnlySpan<float> vector, int k, SimilarityMetric metric = SimilarityMetric.Cosine)
    {
        Rows(data, dim);
        if (vector.Length != dim) throw new ArgumentException($"vector has length {vector.Length}, expected dim {dim}.", nameof(vector));
        return Nearest(data, dim, vector, -1, k, metric);
    }

    private static Neighbour[] Nearest(ReadOnlySpan<float> data, int dim, ReadOnlySpan<float> q, int exclude, int k, SimilarityMetric metric)
    {
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be ≥ 0.");
        int n = data.Length / dim;
        var all = new List<Neighbour>(n);
        for (int r = 0; r < n; r++)
            if (r != exclude) all.Add(new Neighbour(r, Score(q, data.Slice(r * dim, dim), metric)));
        // List.Sort is unstable, so the index is the explicit tie-breaker.
        all.Sort(metric == SimilarityMetric.Cosine
            ? (x, y) => y.Score.CompareTo(x.Score) is var c and not 0 ? c : x.Index.CompareTo(y.Index)
            : (x, y) => x.Score.CompareTo(y.Score) is var c and not 0 ? c : x.Index.CompareTo(y.Index));
        return all.Take(k).ToArray();
    }

    internal static int Rows(ReadOnlySpan<float> data, int dim)
    {
        if (dim < 1) throw new ArgumentOutOfRangeException(nameof(dim), dim, "dim must be ≥ 1.");
        if (data.Length % dim != 0) throw new ArgumentException($"data has {data.Length} values, not a multiple of dim {dim}.", nameof(data));
        return data.Length / dim;
    }

    private static void CheckLengths(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Vectors differ in length: {a.Length} and {b.Length}.");
    }
}
