namespace RecCourse.Training;

/// <summary>One epoch of training.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's examples (batch losses weighted by batch size).</param>
/// <param name="ValidationMetric">The validation callback's value, NaN when there is none.</param>
/// <param name="Seconds">Wall time of the training pass only (validation excluded), like the PyTorch reference.</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValidationMetric, double Seconds);
