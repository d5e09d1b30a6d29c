using RecCourse.Tensors;

namespace RecCourse.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum and (coupled) weight decay, exactly
/// <c>torch.optim.SGD</c>: g ← g + wd·p; b ← μ·b + g (b = g on the first step); p ← p − lr·b.
/// </summary>
public sealed class Sgd : Optimizer
{
    private float[]?[] momentumBuffers;

    public Sgd(IEnumerable<Tensor> parameters, float learningRate, float momentum = 0f, float weightDecay = 0f) : base(parameters, learningRate)
    {
        Momentum = momentum;
        WeightDecay = weightDecay;
        momentumBuffers = new float[Parameters.Count][];
    }

    public float Momentum { get; }
    public float WeightDecay { get; }

    protected override void Update(int index, Tensor parameter, float[] grad)
    {
        var p = parameter.Data;
        float lr = LearningRate, wd = WeightDecay, mu = Momentum;
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
