namespace RecCourse.Embeddings;

/// <summary>Scores for how well a low-dimensional embedding (PCA, t-SNE) keeps the structure of the original vectors.</summary>
public static class EmbeddingQuality
{
    /// <summary>
    /// Neighbour preservation in [0, 1]: for each point, the fraction of its <paramref name="k"/> nearest
    /// neighbours (euclidean, itself excluded) in <paramref name="high"/> that are also among its k nearest
    /// in <paramref name="low"/>, averaged over points. 1 = every neighbourhood kept; a random layout
    /// scores about k / (n − 1).
    /// </summary>
    public static double NeighbourPreservation(ReadOnlySpan<float> high, int highDim, ReadOnlySpan<float> low, int lowDim, int k)
    {
        int n = Similarity.Rows(high, highDim);
        if (Similarity.Rows(low, lowDim) != n) throw new ArgumentException($"low has {low.Length / lowDim} rows, high has {n}.", nameof(low));
        CheckK(k, n);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            var h = Similarity.NearestNeighbours(high, highDim, i, k, SimilarityMetric.Euclidean).Select(x => x.Index).ToHashSet();
            int kept = Similarity.NearestNeighbours(low, lowDim, i, k, SimilarityMetric.Euclidean).Count(x => h.Contains(x.Index));
            total += (double)kept / k;
        }
        return total / n;
    }

    /// <summary>
    /// k-NN label agreement in [0, 1], a cluster-separation score: the fraction of each point's
    /// <paramref name="k"/> nearest neighbours (euclidean, itself excluded) that share its label, averaged.
    /// </summary>
    public static double KnnLabelAgreement(ReadOnlySpan<float> points, int dim, ReadOnlySpan<int> labels, int k)
    {
        int n = Similarity.Rows(points, dim);
        if (labels.Length != n) throw new ArgumentException($"{labels.Length} labels for {n} points.", nameof(labels));
        CheckK(k, n);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            int same = 0;
            foreach (var nb in Similarity.NearestNeighbours(points, dim, i, k, SimilarityMetric.Euclidean))
                if (labels[nb.Index] == labels[i]) same++;
            total += (double)same / k;
        }
        return total / n;
    }

    private static void CheckK(int k, int n)
    {
        if (k < 1 || k > n - 1) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [1, n − 1 = {n - 1}].");
    }
}
