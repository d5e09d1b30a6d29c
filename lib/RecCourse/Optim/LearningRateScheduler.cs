namespace RecCourse.Optim;

/// <summary>Changes an optimiser's learning rate as training progresses (<c>torch.optim.lr_scheduler</c>).
/// Call <see cref="Step"/> after each optimiser step or epoch, as the schedule documents.</summary>
public abstract class LearningRateScheduler
{
    protected LearningRateScheduler(Optimizer optimizer)
    {
        Optimizer = optimizer;
        BaseLearningRate = optimizer.LearningRate;
    }

    public Optimizer Optimizer { get; }
    /// <summary>The optimiser's learning rate when the schedule was created.</summary>
    public float BaseLearningRate { get; }
    /// <summary>Number of <see cref="Step"/> calls so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Advances the schedule and sets the optimiser's learning rate.</summary>
    public void Step()
    {
        StepCount++;
        Optimizer.LearningRate = RateAt(StepCount);
    }

    /// <summary>The learning rate after <paramref name="step"/> steps (step 0 = the initial rate).</summary>
    public abstract float RateAt(int step);
}
