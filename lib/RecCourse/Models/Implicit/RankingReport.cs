namespace RecCourse.Models;

/// <summary>Top-K ranking quality averaged over the evaluated users (those with at least one test item).</summary>
/// <param name="K">Cut-off of the @K metrics.</param>
/// <param name="Precision">Mean P@K: hits in the top K / K.</param>
/// <param name="Recall">Mean R@K: hits in the top K / the user's test items.</param>
/// <param name="Ndcg">Mean NDCG@K with binary gains (ideal DCG over min(|test|, K) hits).</param>
/// <param name="Map">Mean AP@K as in MS Recommenders: Σ over hits at rank r ≤ K of (hits up to r)/r, divided by |test|.</param>
/// <param name="Auc">Mean per-user ROC AUC of test items against all items in neither the user's
/// training nor test set (ties count ½).</param>
/// <param name="Users">How many users were evaluated.</param>
public sealed record RankingReport(int K, double Precision, double Recall, double Ndcg, double Map, double Auc, int Users);
