using RecCourse.Tensors;

namespace RecCourse.Nn;

/// <summary>Applies modules in order (<c>nn.Sequential</c>); they are named "0", "1", ….</summary>
public sealed class Sequential : Module
{
    private readonly Module[] layers;

    public Sequential(params Module[] layers)
    {
        this.layers = layers;
        for (int i = 0; i < layers.Length; i++) RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), layers[i]);
    }

    public IReadOnlyList<Module> Layers => layers;

    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers) x = layer.Forward(x);
        return x;
    }
}
