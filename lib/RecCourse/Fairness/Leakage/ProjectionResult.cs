namespace RecCourse.Fairness.Leakage;

/// <summary>Embeddings after projecting out attribute directions, and the unit directions removed (in order).</summary>
public sealed record ProjectionResult(double[][] Embeddings, IReadOnlyList<double[]> Directions);
