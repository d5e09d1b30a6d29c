namespace RecCourse.Fairness.Leakage;

/// <summary>Embeddings after projecting out attribute directions, and the unit directions removed (in order).</summary>
public sealed record ProjectionResult(double[][] Embeddings, IReadOnlyList<double[]> Directions) : IEmbeddingTransform
{
    /// <summary>Projects the same directions out of other rows (e.g. users the projection was not fitted on).</summary>
    public double[][] Apply(double[][] rows) => AttributeProjection.ProjectOut(rows, Directions);
}
