namespace RecCourse.Fairness.Leakage;

/// <summary>A fitted mitigation that maps embedding rows to censored rows (e.g. a projection or a trained encoder).</summary>
public interface IEmbeddingTransform
{
    /// <summary>New rows for <paramref name="rows"/> (n × d in; n × d′ out); the input is not modified.</summary>
    double[][] Apply(double[][] rows);
}
