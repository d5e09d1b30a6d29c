using RecCourse.Tensors;

namespace RecCourse.Optim;

/// <summary>AdamW (<c>torch.optim.AdamW</c>): Adam with decoupled weight decay p ← p·(1 − lr·wd) before
/// the Adam step; PyTorch's default wd is 0.01.</summary>
public sealed class AdamW : Adam
{
    public AdamW(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f,
        float eps = 1e-8f, float weightDecay = 0.01f, bool lazy = false)
        : base(parameters, learningRate, beta1, beta2, eps, weightDecay, lazy) => DecoupledWeightDecay = true;
}
