namespace RecCourse.Fairness;

/// <summary>The two popularity-aware re-rankers of <see cref="PopularityReranking"/>.</summary>
public enum PopularityReranker
{
    /// <summary>s′ = ŝ − λ·pop̂: min-max scaled score minus λ times popularity scaled by the most popular item.</summary>
    Penalty,
    /// <summary>Smooth xQuAD over the head / long-tail categories (Abdollahpouri, Burke &amp; Mobasher 2019).</summary>
    XQuad,
}
