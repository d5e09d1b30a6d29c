using MathNet.Numerics.LinearAlgebra;
using RecCourse.Models;
using RecCourse.Nn;
using RecCourse.Optim;
using RecCourse.Tensors;
using RecCourse.Tests.TestSupport;
using RecCourse.Training;

namespace RecCourse.Tests.Training;

public class TrainerTests
{
    /// <summary>Planted low-rank ratings: r = 3 + u·v, small noise.</summary>
    private static (int[] U, int[] I, float[] R) Planted(int users, int items, int n, int seed)
    {
        var rng = new Random(seed);
        var pu = Enumerable.Range(0, users * 2).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var qi = Enumerable.Range(0, items * 2).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var u = new int[n]; var i = new int[n]; var r = new float[n];
        for (int k = 0; k < n; k++)
        {
            u[k] = rng.Next(users); i[k] = rng.Next(items);
            r[k] = (float)(3 + 4 * (pu[u[k] * 2] * qi[i[k] * 2] + pu[u[k] * 2 + 1] * qi[i[k] * 2 + 1]) + 0.05 * (rng.NextDouble() - 0.5));
        }
        return (u, i, r);
    }

    [Fact]
    public void Loss_falls_and_history_is_complete()
    {
        var (u, i, r) = Planted(60, 50, 3000, 1);
        var model = new DotProductBias(60, 50, 4, new Random(1), initStd: 0.1f);
        var opt = new Adam(model.Parameters(), 0.02f);
        var ub = new int[128]; var ib = new int[128]; var rb = new float[128];
        var reports = new List<EpochRecord>();
        var trainer = new EngineTrainer(new TrainerOptions { Epochs = 8, BatchSize = 128, Seed = 3 });
        var history = trainer.Fit(u.Length, rows =>
        {
            for (int k = 0; k < rows.Length; k++) { ub[k] = u[rows[k]]; ib[k] = i[rows[k]]; rb[k] = r[rows[k]]; }
            return Losses.Mse(model.Forward(ub.AsSpan(0, rows.Length), ib.AsSpan(0, rows.Length)), rb.AsSpan(0, rows.Length));
        }, opt, model, validate: () => 0.0, progress: new Collect(reports));
        Assert.Equal(8, history.Count);
        Assert.Equal(history, reports);
        Assert.True(history[^1].TrainLoss < 0.5 * history[0].TrainLoss, $"loss {history[0].TrainLoss} → {history[^1].TrainLoss}");
        Assert.All(history, h => Assert.True(h.Seconds >= 0));
    }

    [Fact]
    public void Early_stopping_stops_after_patience_epochs_without_improvement()
    {
        var p = new Tensor(1) { RequiresGrad = true };
        var opt = new Sgd([p], 0.1f);
        double[] metric = [1.0, 0.8, 0.9, 0.85, 0.95, 0.7];
        int epoch = 0;
        var trainer = new EngineTrainer(new TrainerOptions { Epochs = 6, BatchSize = 4, EarlyStoppingPatience = 2 });
        var history = trainer.Fit(8, _ => Ops.Sum(Ops.Mul(p, p)), opt, validate: () => metric[epoch++]);
        Assert.Equal(4, history.Count); // best 0.8 at epoch 2, no improvement at 3 and 4
    }

    [Fact]
    public void Ridge_regression_reaches_the_closed_form_optimum()
    {
        // minimise mean((Xw − y)²) + λ‖w‖²  ⇒  w* = (XᵀX/n + λI)⁻¹ Xᵀy/n.
        int n = 200, d = 5; double lambda = 0.1;
        var rng = new Random(8);
        var x = new float[n * d]; var y = new float[n];
        for (int k = 0; k < n; k++)
        {
            double t = 0;
            for (int j = 0; j < d; j++) { x[k * d + j] = (float)(rng.NextDouble() * 2 - 1); t += (j + 1) * x[k * d + j]; }
            y[k] = (float)(t + 0.3 * (rng.NextDouble() - 0.5));
        }
        var xm = Matrix<double>.Build.Dense(n, d, (k, j) => x[k * d + j]);
        var yv = Vector<double>.Build.Dense(n, k => y[k]);
        var expected = (xm.TransposeThisAndMultiply(xm) / n + lambda * Matrix<double>.Build.DenseIdentity(d)).Solve(xm.TransposeThisAndMultiply(yv) / n);

        var layer = new Linear(d, 1, new Random(1), bias: false);
        var input = new Tensor(x, n, d);
        var opt = new Adam(layer.Parameters(), 0.05f);
        var schedule = new StepLR(opt, 500, 0.3f);
        for (int step = 0; step < 2500; step++)
        {
            opt.ZeroGrad();
            var loss = Ops.Add(Losses.Mse(Ops.Flatten(layer.Forward(input)), y), Ops.Scale(Losses.L2(layer.Weight), (float)lambda));
            loss.Backward();
            opt.Step();
            schedule.Step();
        }
        Approx.AssertClose(expected.ToArray(), layer.Weight.Data, 1e-3, 1e-3, "w");
    }

    private sealed class Collect(List<EpochRecord> into) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => into.Add(value);
    }
}
