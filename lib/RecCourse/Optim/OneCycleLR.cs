namespace RecCourse.Optim;

/// <summary>
/// The one-cycle policy (<c>OneCycleLR</c> with cosine annealing; fast.ai's <c>fit_one_cycle</c>), stepped
/// once per batch: the rate rises from maxLr/divFactor to maxLr over the first pctStart of
/// <c>totalSteps</c>, then falls to maxLr/(divFactor·finalDivFactor). Sets the optimiser's rate to the
/// initial value on construction. (Momentum cycling is not applied.)
/// </summary>
public sealed class OneCycleLR : LearningRateScheduler
{
    public OneCycleLR(Optimizer optimizer, float maxLr, int totalSteps, float pctStart = 0.3f, float divFactor = 25f, float finalDivFactor = 1e4f)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        if (pctStart is <= 0f or >= 1f) throw new ArgumentOutOfRangeException(nameof(pctStart), pctStart, "pctStart must be in (0, 1).");
        MaxLr = maxLr; TotalSteps = totalSteps;
        InitialLr = maxLr / divFactor;
        MinLr = InitialLr / finalDivFactor;
        WarmupSteps = pctStart * totalSteps - 1;
        optimizer.LearningRate = InitialLr;
    }

    public float MaxLr { get; }
    public float InitialLr { get; }
    public float MinLr { get; }
    public int TotalSteps { get; }
    private float WarmupSteps { get; }

    public override float RateAt(int step)
    {
        // PyTorch's phase boundaries: warm-up ends at step pctStart·total − 1, annealing at total − 1.
        if (step <= WarmupSteps) return Cosine(InitialLr, MaxLr, WarmupSteps <= 0 ? 1 : step / WarmupSteps);
        float span = TotalSteps - 1 - WarmupSteps;
        return Cosine(MaxLr, MinLr, span <= 0 ? 1 : Math.Min(1f, (step - WarmupSteps) / span));
    }

    private static float Cosine(float start, float end, float pct) => end + (start - end) / 2f * (MathF.Cos(MathF.PI * pct) + 1f);
}
