using RecCourse.Models;
using RecCourse.Nn;
using RecCourse.Optim;
using RecCourse.Tensors;
using RecCourse.Training;

namespace RecCourse.Tests.Training;

[Collection(nameof(EngineThreadsCollection))]
public class DeterminismTests
{
    private static float[] Train(int threads)
    {
        int previous = Engine.Threads;
        Engine.Threads = threads;
        try
        {
            // sizes large enough for the GEMM to split rows across threads (≥ 2M multiply-adds).
            var model = new HybridMlp(300, 200, new Random(5), 9, new HybridMlpOptions { UserDim = 64, ItemDim = 64, Hidden = [256, 128], Dropout = [0.2f, 0f] });
            var opt = new Adam(model.Parameters(), 1e-3f);
            var rng = new Random(6);
            int n = 2048;
            var u = Enumerable.Range(0, n).Select(_ => rng.Next(300)).ToArray();
            var i = Enumerable.Range(0, n).Select(_ => rng.Next(200)).ToArray();
            var r = Enumerable.Range(0, n).Select(_ => (float)rng.Next(1, 6)).ToArray();
            var ub = new int[512]; var ib = new int[512]; var rb = new float[512];
            new EngineTrainer(new TrainerOptions { Epochs = 2, BatchSize = 512, Seed = 1 }).Fit(n, rows =>
            {
                for (int k = 0; k < rows.Length; k++) { ub[k] = u[rows[k]]; ib[k] = i[rows[k]]; rb[k] = r[rows[k]]; }
                return Losses.Mse(model.Forward(ub.AsSpan(0, rows.Length), ib.AsSpan(0, rows.Length)), rb.AsSpan(0, rows.Length));
            }, opt, model);
            return model.Parameters().SelectMany(p => p.Data).ToArray();
        }
        finally { Engine.Threads = previous; }
    }

    [Fact]
    public void Same_seed_gives_bit_identical_weights_with_one_or_two_threads()
    {
        var one = Train(1);
        var two = Train(2);
        Assert.Equal(one.Length, two.Length);
        int firstDiff = Enumerable.Range(0, one.Length).FirstOrDefault(k => BitConverter.SingleToInt32Bits(one[k]) != BitConverter.SingleToInt32Bits(two[k]), -1);
        Assert.True(firstDiff < 0, $"weights differ first at {firstDiff}");
        Assert.NotEqual(0f, one.Sum(Math.Abs));
    }
}
