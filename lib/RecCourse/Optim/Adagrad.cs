using RecCourse.Tensors;

namespace RecCourse.Optim;

/// <summary>
/// Adagrad (<c>torch.optim.Adagrad</c>, no lr decay): g ← g + wd·p; s ← s + g²; p ← p − lr·g/(√s + ε).
/// With <c>lazy: true</c> only touched rows of sparse gradients are visited — for Adagrad this is the
/// same result, because untouched rows have g = 0 (unless weight decay is on).
/// </summary>
public sealed class Adagrad : Optimizer
{
    private float[]?[] sums;

    public Adagrad(IEnumerable<Tensor> parameters, float learningRate = 1e-2f, float eps = 1e-10f, float weightDecay = 0f,
        float initialAccumulator = 0f, bool lazy = false) : base(parameters, learningRate)
    {
        Eps = eps; WeightDecay = weightDecay; InitialAccumulator = initialAccumulator; Lazy = lazy;
        sums = new float[Parameters.Count][];
    }

    public float Eps { get; }
    public float WeightDecay { get; }
    public float InitialAccumulator { get; }
    public bool Lazy { get; }

    protected override void Update(int index, Tensor parameter, float[] grad)
    {
        var p = parameter.Data;
        if (sums[index] is null) Array.Fill(State(ref sums, index, p.Length), InitialAccumulator);
        var s = sums[index]!;
        if (Lazy && parameter.TouchedRows is { } rows)
        {
            int cols = parameter.Cols;
            foreach (int r in rows.AsSpan()) UpdateRange(p, grad, s, r * cols, cols);
        }
        else UpdateRange(p, grad, s, 0, p.Length);
    }

    private void UpdateRange(float[] p, float[] grad, float[] s, int start, int count)
    {
        float lr = LearningRate, wd = WeightDecay, eps = Eps;
        for (int i = start; i < start + count; i++)
        {
            float g = grad[i] + wd * p[i];
            s[i] += g * g;
            p[i] -= lr * g / (MathF.Sqrt(s[i]) + eps);
        }
    }
}
