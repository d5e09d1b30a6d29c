using RecCourse.Optim;
using RecCourse.Tensors;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Optim;

/// <summary>Each optimiser against a float64 transcription of PyTorch's update rule, for every length
/// 0..256 (the vectorised loops have scalar tails).</summary>
public class OptimizerTests
{
    private static (Tensor P, double[] P64) Param(Random rng, int n)
    {
        var t = new Tensor(n) { RequiresGrad = true };
        for (int i = 0; i < n; i++) t.Data[i] = (float)(rng.NextDouble() * 2 - 1);
        return (t, t.Data.Select(v => (double)v).ToArray());
    }

    private static double[] SetGrad(Tensor p, Random rng)
    {
        p.ZeroGrad();
        var g = Enumerable.Range(0, p.Length).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        if (p.Length > 0) Ops.Sum(Ops.Mul(p, new Tensor(g, p.Length))).Backward();
        return g.Select(v => (double)v).ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Adam_and_AdamW_match_the_reference_for_every_length(bool decoupled)
    {
        var rng = new Random(2);
        for (int n = 0; n <= 256; n++)
        {
            var (p, x) = Param(rng, n);
            double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.05;
            Optimizer opt = decoupled ? new AdamW([p], (float)lr, weightDecay: (float)wd) : new Adam([p], (float)lr, weightDecay: (float)wd);
            var m = new double[n]; var v = new double[n];
            for (int t = 1; t <= 3; t++)
            {
                var g = SetGrad(p, rng);
                opt.Step();
                for (int i = 0; i < n; i++)
                {
                    double gi = g[i];
                    if (decoupled) x[i] *= 1 - lr * wd; else gi += wd * x[i];
                    m[i] = b1 * m[i] + (1 - b1) * gi;
                    v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                    double denom = Math.Sqrt(v[i]) / Math.Sqrt(1 - Math.Pow(b2, t)) + eps;
                    x[i] -= lr / (1 - Math.Pow(b1, t)) * m[i] / denom;
                }
            }
            Approx.AssertClose(x, p.Data, 1e-5, 1e-6, $"n={n}");
        }
    }

    [Fact]
    public void Sgd_with_momentum_and_weight_decay()
    {
        var rng = new Random(3);
        var (p, x) = Param(rng, 37);
        var opt = new Sgd([p], 0.1f, momentum: 0.9f, weightDecay: 0.01f);
        var buf = new double[37];
        for (int t = 0; t < 4; t++)
        {
            var g = SetGrad(p, rng);
            opt.Step();
            for (int i = 0; i < 37; i++)
            {
                double gi = g[i] + 0.01 * x[i];
                buf[i] = t == 0 ? gi : 0.9 * buf[i] + gi;
                x[i] -= 0.1 * buf[i];
            }
        }
        Approx.AssertClose(x, p.Data, 1e-5, 1e-6);
    }

    [Fact]
    public void Adagrad_accumulates_squared_gradients()
    {
        var rng = new Random(4);
        var (p, x) = Param(rng, 19);
        var opt = new Adagrad([p], 0.1f, initialAccumulator: 0.1f);
        var s = Enumerable.Repeat(0.1, 19).ToArray();
        for (int t = 0; t < 4; t++)
        {
            var g = SetGrad(p, rng);
            opt.Step();
            for (int i = 0; i < 19; i++) { s[i] += g[i] * g[i]; x[i] -= 0.1 * g[i] / (Math.Sqrt(s[i]) + 1e-10); }
        }
        Approx.AssertClose(x, p.Data, 1e-5, 1e-6);
    }

    [Fact]
    public void Lazy_adam_touches_only_looked_up_rows_while_dense_adam_moves_all()
    {
        var table = new Tensor(4, 2) { RequiresGrad = true };
        table.Data.AsSpan().Fill(1f);
        var dense = new Tensor(4, 2) { RequiresGrad = true };
        dense.Data.AsSpan().Fill(1f);
        var lazy = new Adam([table], 0.1f, lazy: true);
        var eager = new Adam([dense], 0.1f);
        for (int step = 0; step < 2; step++)
        {
            // step 0 touches row 1, step 1 touches row 2: with dense Adam row 1 keeps moving at step 1.
            int[] rows = [step + 1];
            lazy.ZeroGrad(); eager.ZeroGrad();
            Ops.Sum(Ops.Gather(table, rows)).Backward(); lazy.Step();
            Ops.Sum(Ops.Gather(dense, rows)).Backward(); eager.Step();
        }
        Assert.Equal(1f, table[0, 0]);
        Assert.Equal(1f, table[3, 1]);
        Approx.AssertClose(0.9, table[1, 0], 1e-5, 1e-6, "lazy row 1 moved once");
        Assert.True(dense[1, 0] < 0.85f, $"dense Adam keeps moving row 1 on its momentum (got {dense[1, 0]})");
        Assert.Equal(1f, dense[0, 0]); // never any gradient: m = 0, so no movement
    }

    [Fact]
    public void Step_and_one_cycle_schedules()
    {
        var p = new Tensor(1) { RequiresGrad = true };
        var opt = new Sgd([p], 1f);
        var step = new StepLR(opt, 2, 0.5f);
        var rates = Enumerable.Range(0, 5).Select(_ => { step.Step(); return opt.LearningRate; }).ToArray();
        Approx.AssertClose([1, 0.5, 0.5, 0.25, 0.25], rates, 1e-6, 0);

        var oc = new OneCycleLR(opt, 0.1f, 100);
        Approx.AssertClose(0.1 / 25, opt.LearningRate, 1e-6, 0, "initial");
        Approx.AssertClose(0.1, oc.RateAt(29), 1e-5, 0, "peak at pct·total − 1");
        Approx.AssertClose(0.1 / 25 / 1e4, oc.RateAt(99), 1e-4, 0, "final");
        Assert.True(oc.RateAt(10) > oc.RateAt(5) && oc.RateAt(60) < oc.RateAt(40));
    }

    [Fact]
    public void Parameters_must_require_grad()
    {
        Assert.Throws<ArgumentException>(() => new Adam([new Tensor(3)]));
        Assert.Throws<ArgumentException>(() => new Sgd([], 0.1f));
    }
}
