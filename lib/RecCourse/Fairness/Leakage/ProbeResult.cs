namespace RecCourse.Fairness.Leakage;

/// <summary>
/// Outcome of a leakage probe: cross-validated ROC AUC of predicting the attribute from embeddings.
/// 0.5 means the probe does no better than chance (no linear leakage found); 1 means the attribute
/// is perfectly recoverable.
/// </summary>
/// <param name="Auc">Mean of the fold AUCs.</param>
/// <param name="AucStd">Sample standard deviation of the fold AUCs.</param>
/// <param name="FoldAucs">AUC on each held-out fold.</param>
/// <param name="Rows">Embedding rows probed.</param>
/// <param name="Positives">Rows whose attribute is true.</param>
public sealed record ProbeResult(double Auc, double AucStd, double[] FoldAucs, int Rows, int Positives);
