namespace RecCourse.Data;

/// <summary>
/// A small seeded random generator (xoshiro256** seeded by SplitMix64) whose output is the same on
/// every machine and .NET version, unlike relying on <see cref="Random"/>'s unseeded or future
/// algorithms. Not thread-safe: give each thread its own instance (see <see cref="Fork"/>).
/// </summary>
public sealed class RecRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpare;

    public RecRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x); _s1 = SplitMix64(ref x); _s2 = SplitMix64(ref x); _s3 = SplitMix64(ref x);
    }

    public RecRandom(int seed) : this(unchecked((ulong)(long)seed)) { }

    /// <summary>A generator with this exact xoshiro256** state (for checking against the reference vectors).</summary>
    internal static RecRandom FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        var r = new RecRandom(0UL);
        r._s0 = s0; r._s1 = s1; r._s2 = s2; r._s3 = s3;
        return r;
    }

    /// <summary>The first SplitMix64 output for a seed (exposed for the reference-vector test).</summary>
    internal static ulong FirstSplitMix64(ulong seed) => SplitMix64(ref seed);

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>64 uniformly random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t; _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="n"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "The range must be positive.");
        ulong range = (ulong)n;
        UInt128 m = (UInt128)NextUInt64() * range;
        ulong low = (ulong)m;
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold) { m = (UInt128)NextUInt64() * range; low = (ulong)m; }
        }
        return (int)(m >> 64);
    }

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int min, int maxExclusive) => min + NextInt(maxExclusive - min);

    /// <summary>Standard normal N(0, 1) by Marsaglia's polar method, using only machine-independent arithmetic.</summary>
    public double NextGaussian()
    {
        if (_hasSpare) { _hasSpare = false; return _spareGaussian; }
        double u, v, s;
        do { u = 2 * NextDouble() - 1; v = 2 * NextDouble() - 1; s = u * u + v * v; } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * DeterministicMath.Log(s) / s);
        _spareGaussian = v * f; _hasSpare = true;
        return u * f;
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool NextBool(double p) => NextDouble() < p;

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>An independent generator derived from this one (e.g. one per thread or per stage).</summary>
    public RecRandom Fork() => new(NextUInt64());
}
