namespace RecCourse.Models;

/// <summary>One line of a training history, for loss curves in notebooks.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss over the epoch (the model's own loss, e.g. squared error, BPR, cross-entropy).</param>
/// <param name="ValidationMetric">Metric on the validation data after the epoch (RMSE for rating models,
/// an AUC or hit rate for ranking models, as the trainer documents); NaN when there is no validation data.</param>
/// <param name="Seconds">Wall time of the training pass (evaluation excluded).</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValidationMetric, double Seconds);
