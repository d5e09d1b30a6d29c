using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecCourse.Fairness.Leakage;

/// <summary>
/// The encoder and decoder of <see cref="AdversarialCensoring"/>: two d → d linear layers, both
/// started at the identity (z = x, x̂ = z), so training begins from perfect reconstruction and only
/// gives up what the adversary forces out. <c>forward(x)</c> takes standardised rows [n, d] and
/// returns the code z [n, d] and the reconstruction x̂ [n, d].
/// </summary>
public sealed class CensoringAutoencoder : nn.Module<Tensor, (Tensor Code, Tensor Reconstruction)>
{
    private readonly Linear encoder;
    private readonly Linear decoder;

    /// <param name="dimensions">d, the width of the rows (and of the code).</param>
    /// <param name="device">Where the layers live (default: CPU; <see cref="AdversarialCensoring"/> passes <c>Backend.Device</c>).</param>
    /// <param name="dtype">float32 by default; tests use float64 for finite differences.</param>
    public CensoringAutoencoder(int dimensions, Device? device = null, ScalarType dtype = ScalarType.Float32) : base(nameof(CensoringAutoencoder))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        encoder = nn.Linear(dimensions, dimensions, dtype: dtype);
        decoder = nn.Linear(dimensions, dimensions, dtype: dtype);
        using (no_grad())
        {
            foreach (var layer in new[] { encoder, decoder })
            {
                layer.weight!.copy_(eye(dimensions, dtype: dtype));
                layer.bias!.zero_();
            }
        }
        RegisterComponents();
        if (device is not null) this.to(device);
    }

    /// <summary>The code z = encoder(x) of standardised rows x [n, d].</summary>
    public Tensor Encode(Tensor x) => encoder.forward(x);

    public override (Tensor Code, Tensor Reconstruction) forward(Tensor x)
    {
        var z = encoder.forward(x);
        return (z, decoder.forward(z));
    }
}
