using System.Runtime.CompilerServices;

namespace RecCourse.Tensors;

/// <summary>
/// A small, fast, seeded generator (xoshiro128** seeded by SplitMix64) for the hot loops of training:
/// dropout masks and negative sampling draw millions of numbers per epoch, and
/// <see cref="Random"/> with a seed uses a slower legacy algorithm. Same seed → same sequence.
/// </summary>
public sealed class FastRandom
{
    private uint s0, s1, s2, s3;

    public FastRandom(int seed)
    {
        ulong z = (ulong)(uint)seed + 0x9E3779B97F4A7C15UL;
        ulong a = SplitMix(ref z), b = SplitMix(ref z);
        s0 = (uint)a; s1 = (uint)(a >> 32); s2 = (uint)b; s3 = (uint)(b >> 32);
        if ((s0 | s1 | s2 | s3) == 0) s0 = 1;
    }

    /// <summary>A uniformly distributed 32-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt()
    {
        uint result = BitRotate(s1 * 5, 7) * 9;
        uint t = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
        s2 ^= t;
        s3 = BitRotate(s3, 11);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 24 bits of resolution.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float NextFloat() => (NextUInt() >> 8) * (1f / (1 << 24));

    /// <summary>Uniform integer in [0, n) (n ≥ 1), by Lemire's multiply-shift (bias below 2⁻³²·n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int n) => (int)(((ulong)NextUInt() * (uint)n) >> 32);

    /// <summary>Shuffles in place (Fisher–Yates).</summary>
    public void Shuffle(Span<int> x)
    {
        for (int i = x.Length - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    private static uint BitRotate(uint x, int k) => (x << k) | (x >> (32 - k));

    private static ulong SplitMix(ref ulong z)
    {
        ulong r = z += 0x9E3779B97F4A7C15UL;
        r = (r ^ (r >> 30)) * 0xBF58476D1CE4E5B9UL;
        r = (r ^ (r >> 27)) * 0x94D049BB133111EBUL;
        return r ^ (r >> 31);
    }
}
