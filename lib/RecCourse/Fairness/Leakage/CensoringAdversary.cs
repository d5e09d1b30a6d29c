using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecCourse.Fairness.Leakage;

/// <summary>
/// The adversary of <see cref="AdversarialCensoring"/>: reads a code [n, d] and returns one logit per
/// row [n], the log-odds that the row's sensitive attribute is true. With <c>hidden</c> = 0 it is a
/// logistic regression (one linear layer), the default and the form that worked (see
/// <see cref="AdversarialCensoring"/>); otherwise Linear(d, hidden) → tanh → Linear(hidden, 1).
/// Weights start as PyTorch's <c>nn.Linear</c> does (uniform ±1/√fan_in).
/// </summary>
public sealed class CensoringAdversary : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <param name="dimensions">d, the width of the code.</param>
    /// <param name="hidden">Hidden units (0: logistic regression).</param>
    /// <param name="device">Where the layers live (default: CPU).</param>
    /// <param name="dtype">float32 by default; tests use float64 for finite differences.</param>
    public CensoringAdversary(int dimensions, int hidden = 0, Device? device = null, ScalarType dtype = ScalarType.Float32) : base(nameof(CensoringAdversary))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(hidden);
        layers = hidden == 0
            ? nn.Sequential(("linear", nn.Linear(dimensions, 1, dtype: dtype)))
            : nn.Sequential(
                ("hidden", nn.Linear(dimensions, hidden, dtype: dtype)),
                ("tanh", nn.Tanh()),
                ("output", nn.Linear(hidden, 1, dtype: dtype)));
        RegisterComponents();
        if (device is not null) this.to(device);
    }

    public override Tensor forward(Tensor code) => layers.forward(code).squeeze(-1);
}
