using RecCourse.Tensors;

namespace RecCourse.Nn;

/// <summary>Inverted dropout (<c>nn.Dropout</c>): active in training mode, the identity after
/// <see cref="Module.Eval"/>. Its own seeded generator makes masks reproducible.</summary>
public sealed class Dropout : Module
{
    private readonly FastRandom rng;

    public Dropout(float p, int seed)
    {
        if (p is < 0f or >= 1f) throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout probability must be in [0, 1).");
        P = p;
        rng = new FastRandom(seed);
    }

    /// <summary>Probability of zeroing each value.</summary>
    public float P { get; }

    public override Tensor Forward(Tensor input) => Ops.Dropout(input, P, rng, Training);
}
