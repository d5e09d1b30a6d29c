namespace RecCourse.Fairness.Simulation;

/// <summary>
/// State of one simulated recommender after one round. Set measures cover items consumed during the
/// loop so far (the random start sample is excluded, so every recommender starts from the same zero).
/// </summary>
/// <param name="Recommender">"model", "random" or "oracle".</param>
/// <param name="Round">1-based round.</param>
/// <param name="Jaccard">Mean Jaccard similarity |A∩B| / |A∪B| of consumed sets over (sampled) user pairs: homogenisation, in [0, 1].</param>
/// <param name="DistinctItems">Distinct items anyone consumed so far: aggregate diversity.</param>
/// <param name="Gini">Gini coefficient of consumption counts over the whole catalogue, in [0, 1]: 0 even, → 1 concentrated.</param>
/// <param name="Utility">Mean true preference of the items consumed in this round.</param>
/// <param name="CumulativeUtility">Mean true preference of all items consumed so far.</param>
public sealed record FeedbackLoopRow(string Recommender, int Round, double Jaccard, int DistinctItems, double Gini, double Utility, double CumulativeUtility);
