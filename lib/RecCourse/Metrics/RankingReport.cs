namespace RecCourse.Metrics;

/// <summary>
/// Result of <see cref="RankingEvaluator"/>:
/// means over the <see cref="Users"/> evaluated (users with at least one test item). All metrics lie in [0, 1].
/// </summary>
/// <param name="K">The cut-off of the @K metrics.</param>
/// <param name="Mrr">Reciprocal rank of the first test item in the user's full ranking of candidates (not cut at K).</param>
/// <param name="Auc">Mean per-user ROC AUC of test items against the other candidates (users whose candidates are all test items are left out of this mean).</param>
/// <param name="GlobalAuc">ROC AUC pooled over all evaluated (user, candidate) pairs.</param>
/// <param name="TopK">Each user's top K candidates (empty for users not evaluated), for beyond-accuracy metrics.</param>
public sealed record RankingReport(int Users, int K, double Precision, double Recall, double Ndcg, double Map, double HitRate,
    double Mrr, double Auc, double GlobalAuc, IReadOnlyList<int[]> TopK)
{
    /// <summary>One line, e.g. "P@10 0.412  R@10 0.210  NDCG@10 0.475  MAP@10 0.150  HR@10 0.90  MRR 0.61  AUC 0.930 (943 users)".</summary>
    public override string ToString() =>
        $"P@{K} {Precision:F3}  R@{K} {Recall:F3}  NDCG@{K} {Ndcg:F3}  MAP@{K} {Map:F3}  HR@{K} {HitRate:F3}  MRR {Mrr:F3}  AUC {Auc:F3}  global AUC {GlobalAuc:F3} ({Users} users)";
}
