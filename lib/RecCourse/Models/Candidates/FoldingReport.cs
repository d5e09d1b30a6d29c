namespace RecCourse.Models;

/// <summary>How well a model trained on two disjoint groups keeps them apart (see <see cref="FoldingDemo"/>).</summary>
/// <param name="Variant">"positives only" or "with negatives".</param>
/// <param name="MeanWithinGroupScore">Mean σ(score) of (user, item) pairs of the same group the user never interacted with.</param>
/// <param name="MeanCrossGroupScore">Mean σ(score) of (user, item) pairs from different groups (all unobserved).</param>
/// <param name="CrossGroupTop10Fraction">Fraction of users' top-10 recommendations (training items excluded) from the other group; 0 = perfectly separated, ≈ 0.5 = folded.</param>
/// <param name="CrossGroupAuc">Mean per-user AUC of within-group unobserved items against cross-group items (0.5 = indistinguishable).</param>
public sealed record FoldingReport(string Variant, double MeanWithinGroupScore, double MeanCrossGroupScore,
    double CrossGroupTop10Fraction, double CrossGroupAuc);
