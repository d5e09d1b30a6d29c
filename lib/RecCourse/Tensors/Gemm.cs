using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RecCourse.Tensors;

/// <summary>
/// Single-precision matrix multiplication C = op(A)·op(B) (or C += …), the kernel behind
/// <see cref="Ops.MatMul"/> and <see cref="Ops.Linear"/>. It follows the BLIS/GotoBLAS design:
/// blocks of B (Kc × Nc) and A (Mc × Kc) are packed into contiguous panels so the innermost
/// "micro-kernel" streams them from cache and keeps a 6 × 32 tile of C in 12 AVX-512 registers (or
/// 24 AVX2 ones in two passes). Transposes cost nothing: they only change how panels are packed.
/// </summary>
/// <remarks>
/// Determinism: the k-loop order of every C element is fixed by the block sizes, and a C element is
/// written by exactly one thread, so results are bit-identical for any <see cref="Engine.Threads"/>.
/// </remarks>
public static unsafe class Gemm
{
    private const int MR = 6, NR = 32, KC = 256, MC = 96, NC = 1024;
    /// <summary>Below this many multiply-adds a second thread costs more than it saves.</summary>
    private const long ParallelThreshold = 1 << 21;

    [ThreadStatic] private static float[]? packA;
    [ThreadStatic] private static float[]? packBShared;

    /// <summary>
    /// C[m×n] = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/>. op(A) is m×k: A is
    /// stored row-major m×k with leading dimension <paramref name="lda"/>, or k×m when
    /// <paramref name="transA"/>; likewise op(B) is k×n (B stored n×k when <paramref name="transB"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short for the given sizes and strides.</exception>
    public static void Multiply(ReadOnlySpan<float> a, int lda, bool transA, ReadOnlySpan<float> b, int ldb, bool transB,
        Span<float> c, int ldc, int m, int n, int k, bool accumulate = false, int threads = 0)
    {
        if (m < 0 || n < 0 || k < 0) throw new ArgumentException($"Negative GEMM size m={m}, n={n}, k={k}.");
        CheckSpan(a.Length, transA ? k : m, transA ? m : k, lda, "A");
        CheckSpan(b.Length, transB ? n : k, transB ? k : n, ldb, "B");
        CheckSpan(c.Length, m, n, ldc, "C");
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate) for (int i = 0; i < m; i++) c.Slice(i * ldc, n).Clear();
            return;
        }
        if (threads <= 0) threads = Engine.Threads;
        fixed (float* pa = a, pb = b, pc = c)
        {
            var job = new Job(pa, lda, transA, pb, ldb, transB, pc, ldc, m, n, k, accumulate);
            Run(ref job, threads);
        }
    }

    private static void CheckSpan(int length, int rows, int cols, int ld, string name)
    {
        if (rows == 0 || cols == 0) return;
        if (ld < cols) throw new ArgumentException($"GEMM: leading dimension of {name} ({ld}) is smaller than its {cols} columns.");
        long need = (long)(rows - 1) * ld + cols;
        if (length < need) throw new ArgumentException($"GEMM: {name} needs {need} values for {rows}×{cols} (ld {ld}) but has {length}.");
    }

    private readonly struct Job(float* a, int lda, bool transA, float* b, int ldb, bool transB, float* c, int ldc, int m, int n, int k, bool accumulate)
    {
        public readonly float* A = a, B = b, C = c;
        public readonly int Lda = lda, Ldb = ldb, Ldc = ldc, M = m, N = n, K = k;
        public readonly bool TransA = transA, TransB = transB, Accumulate = accumulate;
    }

    private static void Run(ref Job job, int threads)
    {
        int nc = Math.Min(NC, RoundUp(job.N, NR));
        int kcMax = Math.Min(KC, job.K);
        var bBuf = packBShared is { } sb && sb.Length >= kcMax * nc ? sb : (packBShared = new float[KC * NC]);
        int mBlocks = (job.M + MC - 1) / MC;
        bool parallel = threads > 1 && mBlocks > 1 && (long)job.M * job.N * job.K >= ParallelThreshold;
        fixed (float* pb = bBuf)
        {
            for (int jc = 0; jc < job.N; jc += NC)
            {
                int ncCur = Math.Min(NC, job.N - jc);
                for (int pc = 0; pc < job.K; pc += KC)
                {
                    int kc = Math.Min(KC, job.K - pc);
                    PackB(in job, pb, pc, kc, jc, ncCur);
                    bool acc = job.Accumulate || pc > 0;
                    if (!parallel)
                    {
                        for (int ib = 0; ib < mBlocks; ib++) MBlock(in job, pb, ib, pc, kc, jc, ncCur, acc);
                    }
                    else
                    {
                        var jobCopy = job;
                        var pbI = (nint)pb;
                        Parallel.For(0, mBlocks, new ParallelOptions { MaxDegreeOfParallelism = threads },
                            ib => MBlock(in jobCopy, (float*)pbI, ib, pc, kc, jc, ncCur, acc));
                    }
                }
            }
        }
    }

    private static void MBlock(in Job job, float* pb, int ib, int pc, int kc, int jc, int ncCur, bool acc)
    {
        int ic = ib * MC;
        int mc = Math.Min(MC, job.M - ic);
        var aBuf = packA ??= new float[MC * KC];
        float* tile = stackalloc float[MR * NR];
        fixed (float* pa = aBuf)
        {
            PackA(in job, pa, ic, mc, pc, kc);
            for (int jr = 0; jr < ncCur; jr += NR)
            {
                int nr = Math.Min(NR, ncCur - jr);
                float* bPanel = pb + (long)jr * kc;
                for (int ir = 0; ir < mc; ir += MR)
                {
                    int mr = Math.Min(MR, mc - ir);
                    float* aPanel = pa + (long)ir * kc;
                    float* cTile = job.C + (long)(ic + ir) * job.Ldc + jc + jr;
                    if (mr == MR && nr == NR) Kernel(aPanel, bPanel, kc, cTile, job.Ldc, acc);
                    else
                    {
                        Kernel(aPanel, bPanel, kc, tile, NR, false);
                        for (int i = 0; i < mr; i++)
                            for (int j = 0; j < nr; j++)
                                cTile[(long)i * job.Ldc + j] = acc ? cTile[(long)i * job.Ldc + j] + tile[i * NR + j] : tile[i * NR + j];
                    }
                }
            }
        }
    }

    /// <summary>Packs op(A)[ic:ic+mc, pc:pc+kc] as MR-row panels, k-major, zero-padded to MR rows.</summary>
    private static void PackA(in Job job, float* dst, int ic, int mc, int pc, int kc)
    {
        for (int ir = 0; ir < mc; ir += MR)
        {
            int mr = Math.Min(MR, mc - ir);
            float* panel = dst + (long)ir * kc;
            for (int p = 0; p < kc; p++)
            {
                float* d = panel + p * MR;
                for (int i = 0; i < mr; i++)
                {
                    long row = ic + ir + i, col = pc + p;
                    d[i] = job.TransA ? job.A[col * job.Lda + row] : job.A[row * job.Lda + col];
                }
                for (int i = mr; i < MR; i++) d[i] = 0f;
            }
        }
    }

    /// <summary>Packs op(B)[pc:pc+kc, jc:jc+nc] as NR-column panels, k-major, zero-padded to NR columns.</summary>
    private static void PackB(in Job job, float* dst, int pc, int kc, int jc, int nc)
    {
        for (int jr = 0; jr < nc; jr += NR)
        {
            int nr = Math.Min(NR, nc - jr);
            float* panel = dst + (long)jr * kc;
            if (!job.TransB)
            {
                for (int p = 0; p < kc; p++)
                {
                    float* src = job.B + (long)(pc + p) * job.Ldb + jc + jr;
                    float* d = panel + p * NR;
                    if (nr == NR) Unsafe.CopyBlockUnaligned(d, src, NR * sizeof(float));
                    else
                    {
                        for (int j = 0; j < nr; j++) d[j] = src[j];
                        for (int j = nr; j < NR; j++) d[j] = 0f;
                    }
                }
            }
            else
            {
                for (int j = 0; j < NR; j++)
                {
                    if (j >= nr) { for (int p = 0; p < kc; p++) panel[p * NR + j] = 0f; continue; }
                    float* src = job.B + (long)(jc + jr + j) * job.Ldb + pc;
                    for (int p = 0; p < kc; p++) panel[p * NR + j] = src[p];
                }
            }
        }
    }

    /// <summary>C[MR×NR] (+)= Apanel[kc×MR]ᵀ · Bpanel[kc×NR]: the only place the flops happen.</summary>
    private static void Kernel(float* a, float* b, int kc, float* c, int ldc, bool acc)
    {
        if (Vector512.IsHardwareAccelerated) Kernel512(a, b, kc, c, ldc, acc);
        else if (Vector256.IsHardwareAccelerated)
        {
            Kernel256(a, b, kc, c, ldc, acc);
            Kernel256(a, b + 16, kc, c + 16, ldc, acc);
        }
        else KernelScalar(a, b, kc, c, ldc, acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel512(float* a, float* b, int kc, float* c, int ldc, bool acc)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var a0 = Vector512.Create(a[0]); c00 = Vector512.FusedMultiplyAdd(a0, b0, c00); c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(a[1]); c10 = Vector512.FusedMultiplyAdd(a1, b0, c10); c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(a[2]); c20 = Vector512.FusedMultiplyAdd(a2, b0, c20); c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(a[3]); c30 = Vector512.FusedMultiplyAdd(a3, b0, c30); c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(a[4]); c40 = Vector512.FusedMultiplyAdd(a4, b0, c40); c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(a[5]); c50 = Vector512.FusedMultiplyAdd(a5, b0, c50); c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            a += MR; b += NR;
        }
        Store512(c, c00, c01, acc); Store512(c + ldc, c10, c11, acc); Store512(c + 2 * ldc, c20, c21, acc);
        Store512(c + 3 * ldc, c30, c31, acc); Store512(c + 4 * ldc, c40, c41, acc); Store512(c + 5 * ldc, c50, c51, acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(float* c, Vector512<float> lo, Vector512<float> hi, bool acc)
    {
        if (acc) { lo += Vector512.Load(c); hi += Vector512.Load(c + 16); }
        lo.Store(c); hi.Store(c + 16);
    }

    /// <summary>AVX2 fallback: one 6×16 half of the tile (the caller runs it for both halves).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel256(float* a, float* b, int kc, float* c, int ldc, bool acc)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var a0 = Vector256.Create(a[0]); c00 = Vector256.FusedMultiplyAdd(a0, b0, c00); c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(a[1]); c10 = Vector256.FusedMultiplyAdd(a1, b0, c10); c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(a[2]); c20 = Vector256.FusedMultiplyAdd(a2, b0, c20); c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(a[3]); c30 = Vector256.FusedMultiplyAdd(a3, b0, c30); c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(a[4]); c40 = Vector256.FusedMultiplyAdd(a4, b0, c40); c41 = Vector256.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(a[5]); c50 = Vector256.FusedMultiplyAdd(a5, b0, c50); c51 = Vector256.FusedMultiplyAdd(a5, b1, c51);
            a += MR; b += NR;
        }
        Store256(c, c00, c01, acc); Store256(c + ldc, c10, c11, acc); Store256(c + 2 * ldc, c20, c21, acc);
        Store256(c + 3 * ldc, c30, c31, acc); Store256(c + 4 * ldc, c40, c41, acc); Store256(c + 5 * ldc, c50, c51, acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store256(float* c, Vector256<float> lo, Vector256<float> hi, bool acc)
    {
        if (acc) { lo += Vector256.Load(c); hi += Vector256.Load(c + 8); }
        lo.Store(c); hi.Store(c + 8);
    }

    private static void KernelScalar(float* a, float* b, int kc, float* c, int ldc, bool acc)
    {
        for (int i = 0; i < MR; i++)
            for (int j = 0; j < NR; j++)
            {
                float s = 0;
                for (int p = 0; p < kc; p++) s = MathF.FusedMultiplyAdd(a[p * MR + i], b[p * NR + j], s);
                c[i * ldc + j] = acc ? c[i * ldc + j] + s : s;
            }
    }

    private static int RoundUp(int x, int m) => (x + m - 1) / m * m;
}
