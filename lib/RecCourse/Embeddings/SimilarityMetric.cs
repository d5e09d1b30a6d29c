namespace RecCourse.Embeddings;

/// <summary>How two embedding vectors are compared.</summary>
public enum SimilarityMetric
{
    /// <summary>Cosine of the angle, in [−1, 1]; higher is closer. Ignores vector length.</summary>
    Cosine,
    /// <summary>Euclidean (L2) distance, ≥ 0; lower is closer.</summary>
    Euclidean,
}
