using System.Diagnostics;
using RecCourse.Tensors;
namespace RecCourse.Cli.Bench;
public sealed class TmpGemmBench : IBenchTask
{
    public string Name => "tmpgemm";
    public string Description => "tmp";
    public BenchResult Run(BenchOptions o, Action<string> log)
    {
        var rng = new Random(1);
        foreach (var (m, n, k, ta, tb) in new[] { (1020, 1024, 256, false, false), (96, 1024, 256, false, false), (1024, 128, 93, false, true), (1024, 93, 128, false, false), (128, 93, 1024, true, false), (1024, 64, 128, false, true), (512, 1682, 64, false, true), (512, 64, 1682, false, false), (1682, 64, 512, true, false) })
        {
            var a = new float[m * k]; var b = new float[n * k]; var c = new float[m * n];
            for (int i = 0; i < a.Length; i++) a[i] = (float)rng.NextDouble();
            for (int i = 0; i < b.Length; i++) b[i] = (float)rng.NextDouble();
            int lda = ta ? m : k, ldb = tb ? k : n;
            for (int w = 0; w < 20; w++) Gemm.Multiply(a, lda, ta, b, ldb, tb, c, n, m, n, k);
            var sw = Stopwatch.StartNew(); int reps = 200;
            for (int w = 0; w < reps; w++) Gemm.Multiply(a, lda, ta, b, ldb, tb, c, n, m, n, k);
            double s = sw.Elapsed.TotalSeconds / reps;
            log($"{m}x{n}x{k} ta={ta} tb={tb}: {s * 1e3:F3} ms  {2.0 * m * n * k / s / 1e9:F1} GFLOPS");
        }
        return new BenchResult("tmp", 0, 1, 0, 0, new Dictionary<string, double>());
    }
}
