using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RecCourse.Tensors;

/// <summary>
/// Single-precision matrix multiplication C = op(A)·op(B) (or C += …), the kernel behind
/// <see cref="Ops.MatMul"/> and <see cref="Ops.Linear"/>. It follows the BLIS/GotoBLAS design:
/// blocks of B (Kc × Nc) are packed into contiguous 32-column panels so the innermost
/// "micro-kernel" streams them from L1 and keeps a 6 × 32 tile of C in 12 AVX-512 registers (two
/// 6 × 16 passes with AVX2). A is read in place through a (row stride, column stride) pair — packing
/// it would cost more than it saves at the course's sizes, where C has only 64–128 columns — so a
/// transpose of A or B costs nothing extra.
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
                    else ParallelMBlocks(job, pb, mBlocks, threads, pc, kc, jc, ncCur, acc);
                }
            }
        }
    }

    /// <summary>Row blocks spread over threads (a separate method so the closure is only allocated
    /// on this path).</summary>
    private static void ParallelMBlocks(Job job, float* pb, int mBlocks, int threads, int pc, int kc, int jc, int ncCur, bool acc)
    {
        var pbI = (nint)pb;
        Parallel.For(0, mBlocks, new ParallelOptions { MaxDegreeOfParallelism = threads },
            ib => MBlock(in job, (float*)pbI, ib, pc, kc, jc, ncCur, acc));
    }

    private static void MBlock(in Job job, float* pb, int ib, int pc, int kc, int jc, int ncCur, bool acc)
    {
        int ic = ib * MC;
        int mc = Math.Min(MC, job.M - ic);
        float* tile = stackalloc float[MR * NR];
        // element (i, p) of op(A) lives at A + i·rs + p·cs.
        long rs = job.TransA ? 1 : job.Lda, cs = job.TransA ? job.Lda : 1;
        for (int jr = 0; jr < ncCur; jr += NR)
        {
            int nr = Math.Min(NR, ncCur - jr);
            float* bPanel = pb + (long)jr * kc;
            for (int ir = 0; ir < mc; ir += MR)
            {
                int mr = Math.Min(MR, mc - ir);
                float* aTile = job.A + (ic + ir) * rs + pc * cs;
                float* cTile = job.C + (long)(ic + ir) * job.Ldc + jc + jr;
                if (mr == MR && nr == NR) Kernel(aTile, rs, cs, MR, bPanel, kc, cTile, job.Ldc, acc);
                else
                {
                    Kernel(aTile, rs, cs, mr, bPanel, kc, tile, NR, false);
                    for (int i = 0; i < mr; i++)
                    {
                        float* dst = cTile + (long)i * job.Ldc;
                        float* src = tile + i * NR;
                        if (acc) for (int j = 0; j < nr; j++) dst[j] += src[j];
                        else for (int j = 0; j < nr; j++) dst[j] = src[j];
                    }
                }
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

    /// <summary>C[MR×NR] (+)= A[MR×kc]·Bpanel[kc×NR]: the only place the flops happen. Rows of A past
    /// <paramref name="mr"/> repeat row 0 (their results are discarded by the caller).</summary>
    private static void Kernel(float* a, long rs, long cs, int mr, float* b, int kc, float* c, int ldc, bool acc)
    {
        float* a0 = a, a1 = mr > 1 ? a + rs : a, a2 = mr > 2 ? a + 2 * rs : a, a3 = mr > 3 ? a + 3 * rs : a,
            a4 = mr > 4 ? a + 4 * rs : a, a5 = mr > 5 ? a + 5 * rs : a;
        if (Vector512.IsHardwareAccelerated) Kernel512(a0, a1, a2, a3, a4, a5, cs, b, kc, c, ldc, acc);
        else if (Vector256.IsHardwareAccelerated)
        {
            Kernel256(a0, a1, a2, a3, a4, a5, cs, b, kc, c, ldc, acc);
            Kernel256(a0, a1, a2, a3, a4, a5, cs, b + 16, kc, c + 16, ldc, acc);
        }
        else KernelScalar(a0, a1, a2, a3, a4, a5, cs, b, kc, c, ldc, acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel512(float* a0, float* a1, float* a2, float* a3, float* a4, float* a5, long cs, float* b, int kc, float* c, int ldc, bool acc)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        long off = 0;
        for (int p = 0; p < kc; p++, off += cs, b += NR)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(a0[off]); c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a1[off]); c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a2[off]); c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a3[off]); c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a4[off]); c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a5[off]); c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
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
    private static void Kernel256(float* a0, float* a1, float* a2, float* a3, float* a4, float* a5, long cs, float* b, int kc, float* c, int ldc, bool acc)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        long off = 0;
        for (int p = 0; p < kc; p++, off += cs, b += NR)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a0[off]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a1[off]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a2[off]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a3[off]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a4[off]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a5[off]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
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

    private static void KernelScalar(float* a0, float* a1, float* a2, float* a3, float* a4, float* a5, long cs, float* b, int kc, float* c, int ldc, bool acc)
    {
        float*[] rows = [a0, a1, a2, a3, a4, a5];
        for (int i = 0; i < MR; i++)
            for (int j = 0; j < NR; j++)
            {
                float s = 0;
                for (int p = 0; p < kc; p++) s = MathF.FusedMultiplyAdd(rows[i][p * cs], b[p * NR + j], s);
                c[i * ldc + j] = acc ? c[i * ldc + j] + s : s;
            }
    }

    private static int RoundUp(int x, int m) => (x + m - 1) / m * m;
}
