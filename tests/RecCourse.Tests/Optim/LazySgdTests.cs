using RecCourse.Optim;
using RecCourse.Tensors;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Optim;

/// <summary><c>new Sgd(…, lazy: true)</c> against a float64 per-row reference.</summary>
public class LazySgdTests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(0.1f)]
    public void Lazy_sgd_updates_only_looked_up_rows(float weightDecay)
    {
        var rng = new Random(7);
        const int rows = 6, cols = 37, lr10 = 5; // lr = 0.5
        var table = Tensor.Normal(rng, 0f, 1f, rows, cols);
        table.RequiresGrad = true;
        var x = table.Data.Select(v => (double)v).ToArray();
        var opt = new Sgd([table], lr10 / 10f, weightDecay: weightDecay, lazy: true);
        int[][] batches = [[1, 3, 3], [0, 1], [5]];
        foreach (var idx in batches)
        {
            opt.ZeroGrad();
            // d Σ (2·gathered) / d row = 2 × (number of times the row was looked up)
            Ops.Sum(Ops.Scale(Ops.Gather(table, idx), 2f)).Backward();
            opt.Step();
            foreach (int r in idx.Distinct())
            {
                int times = idx.Count(i => i == r);
                for (int c = 0; c < cols; c++)
                {
                    ref double v = ref x[r * cols + c];
                    v -= lr10 / 10.0 * (2.0 * times + weightDecay * v);
                }
            }
        }
        Approx.AssertClose(x, table.Data, 1e-5, 1e-6, "lazy SGD table");
        // rows 2 and 4 were never looked up: untouched even with weight decay
        foreach (int r in new[] { 2, 4 })
            Approx.AssertClose(x.AsSpan(r * cols, cols), table.Row(r), 0, 0, $"untouched row {r}");
    }
}
