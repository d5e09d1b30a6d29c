namespace RecCourse.Optim;

/// <summary><c>StepLR</c>: lr = base · γ^⌊step / stepSize⌋ (usually stepped once per epoch).</summary>
public sealed class StepLR : LearningRateScheduler
{
    public StepLR(Optimizer optimizer, int stepSize, float gamma = 0.1f) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        StepSize = stepSize;
        Gamma = gamma;
    }

    public int StepSize { get; }
    public float Gamma { get; }

    public override float RateAt(int step) => BaseLearningRate * MathF.Pow(Gamma, step / StepSize);
}
