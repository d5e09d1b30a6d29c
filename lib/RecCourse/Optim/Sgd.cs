using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using RecCourse.Tensors;

namespace RecCourse.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum and (coupled) weight decay, exactly
/// <c>torch.optim.SGD</c>: g ← g + wd·p; b ← μ·b + g (b = g on the first step); p ← p − lr·b.
/// </summary>
/// <remarks>
/// With <c>lazy: true</c> and no momentum, only the touched rows of sparse (embedding) gradients are
/// updated: exact when weight decay is 0 (an untouched row has zero gradient), and what per-example
/// SGD for matrix factorisation does otherwise (decay only the rows of the batch). With momentum the
/// update stays dense, because an untouched row still moves along its momentum.
/// </remarks>
public sealed class Sgd : Optimizer
{
    private float[]?[] momentumBuffers;

    public Sgd(IEnumerable<Tensor> parameters, float learningRate, float momentum = 0f, float weightDecay = 0f, bool lazy = false) : base(parameters, learningRate)
    {
        Lazy = lazy;
        Momentum = momentum;
        WeightDecay = weightDecay;
        momentumBuffers = new float[Parameters.Count][];
    }

    public float Momentum { get; }
    public float WeightDecay { get; }
    /// <summary>Update only the touched rows of sparse gradients (when there is no momentum).</summary>
    public bool Lazy { get; }

    protected override void Update(int index, Tensor parameter, float[] grad)
    {
        var p = parameter.Data;
        float lr = LearningRate, wd = WeightDecay, mu = Momentum;
        if (mu == 0f && Lazy && parameter.TouchedRows is { } rows)
        {
            int cols = parameter.Cols;
            foreach (int r in rows.AsSpan())
            {
                var pr = p.AsSpan(r * cols, cols);
                if (wd != 0f) TensorPrimitives.Multiply(pr, 1f - lr * wd, pr);
                TensorPrimitives.MultiplyAdd(grad.AsSpan(r * cols, cols), -lr, (ReadOnlySpan<float>)pr, pr);
            }
            return;
        }
        if (mu == 0f)
        {
            for (int i = 0; i < p.Length; i++) p[i] -= lr * (grad[i] + wd * p[i]);
            return;
        }
        bool first = momentumBuffers[index] is null;
        var b = State(ref momentumBuffers, index, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            float g = grad[i] + wd * p[i];
            b[i] = first ? g : mu * b[i] + g;
            p[i] -= lr * b[i];
        }
    }
}
