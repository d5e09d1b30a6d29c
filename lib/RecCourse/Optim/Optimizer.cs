using RecCourse.Tensors;

namespace RecCourse.Optim;

/// <summary>
/// Base of the optimisers (<c>torch.optim.Optimizer</c>): holds the parameters and a learning rate
/// that schedules may change between steps. A training step is always: <see cref="ZeroGrad"/>,
/// forward, loss, <c>loss.Backward()</c>, <see cref="Step"/>.
/// </summary>
public abstract class Optimizer
{
    protected Optimizer(IEnumerable<Tensor> parameters, float learningRate)
    {
        Parameters = parameters.ToArray();
        if (Parameters.Count == 0) throw new ArgumentException("The optimiser got no parameters.", nameof(parameters));
        foreach (var p in Parameters)
            if (!p.RequiresGrad) throw new ArgumentException($"Parameter {p} does not require grad.", nameof(parameters));
        if (!(learningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "Learning rate must be ≥ 0.");
        LearningRate = learningRate;
    }

    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>Current learning rate (schedules set it).</summary>
    public float LearningRate { get; set; }

    /// <summary>Number of <see cref="Step"/> calls so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Clears every parameter's gradient (sparse tables clear only their touched rows).</summary>
    public void ZeroGrad()
    {
        for (int k = 0; k < Parameters.Count; k++) Parameters[k].ZeroGrad();
    }

    /// <summary>Updates every parameter from its gradient (parameters without a gradient are skipped).</summary>
    public void Step()
    {
        StepCount++;
        for (int k = 0; k < Parameters.Count; k++)
        {
            var p = Parameters[k];
            if (p.Grad is null) continue;
            Update(k, p, p.Grad);
        }
    }

    /// <summary>Updates parameter number <paramref name="index"/>.</summary>
    protected abstract void Update(int index, Tensor parameter, float[] grad);

    /// <summary>Per-parameter state buffers, created zeroed on first use.</summary>
    protected static float[] State(ref float[]?[] states, int index, int length)
    {
        return states[index] ??= new float[length];
    }
}
