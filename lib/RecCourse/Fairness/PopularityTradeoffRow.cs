namespace RecCourse.Fairness;

/// <summary>Accuracy and popularity bias of one re-ranking setting (λ = 0 is the model unchanged).</summary>
/// <param name="Ndcg">Mean NDCG@K over users with a relevant test item.</param>
/// <param name="Precision">Mean P@K over the same users.</param>
/// <param name="Recall">Mean R@K over the same users.</param>
public sealed record PopularityTradeoffRow(string Method, double Lambda, double Ndcg, double Precision, double Recall,
    double Arp, double Aplt, double Gini, double Coverage);
