namespace RecCourse.Tensors;

/// <summary>Seeded parameter initialisers (<c>torch.nn.init</c>).</summary>
public static class Init
{
    /// <summary>Fills with N(mean, std²) by Box–Muller; deterministic for a given <paramref name="rng"/> state.</summary>
    public static void Normal(Span<float> x, Random rng, float mean = 0f, float std = 1f)
    {
        for (int i = 0; i < x.Length; i += 2)
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            x[i] = (float)(mean + std * r * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < x.Length) x[i + 1] = (float)(mean + std * r * Math.Sin(2 * Math.PI * u2));
        }
    }

    /// <summary>Fills with U[low, high).</summary>
    public static void Uniform(Span<float> x, Random rng, float low, float high)
    {
        for (int i = 0; i < x.Length; i++) x[i] = (float)(low + (high - low) * rng.NextDouble());
    }

    /// <summary>PyTorch's default <c>nn.Linear</c> initialisation (Kaiming uniform with a = √5), which
    /// reduces to U(−1/√fanIn, 1/√fanIn) for both weight and bias.</summary>
    public static void LinearDefault(Span<float> x, Random rng, int fanIn)
    {
        float bound = fanIn > 0 ? 1f / MathF.Sqrt(fanIn) : 0f;
        Uniform(x, rng, -bound, bound);
    }
}
