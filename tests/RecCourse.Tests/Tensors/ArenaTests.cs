using RecCourse.Models;
using RecCourse.Nn;
using RecCourse.Optim;
using RecCourse.Tensors;

namespace RecCourse.Tests.Tensors;

public class ArenaTests
{
    [Fact]
    public void Steady_state_training_steps_allocate_nothing()
    {
        var rng = new Random(1);
        var model = new DotProductBias(50, 40, 8, rng);
        var mlp = new HybridMlp(50, 40, rng, 3, new HybridMlpOptions { UserDim = 4, ItemDim = 4, Hidden = [16, 8], Dropout = [0.2f, 0f] });
        var opt = new Adam(model.Parameters().Concat(mlp.Parameters()), 1e-2f);
        var arena = new TensorArena();
        int[] users = Enumerable.Range(0, 64).Select(i => i % 50).ToArray();
        int[] items = Enumerable.Range(0, 64).Select(i => (i * 7) % 40).ToArray();
        var target = Enumerable.Range(0, 64).Select(i => (float)(1 + i % 5)).ToArray();
        void Step()
        {
            arena.Reset();
            using var _ = arena.Activate();
            opt.ZeroGrad();
            var loss = Ops.Add(Losses.Mse(model.Forward(users, items), target), Losses.Mse(mlp.Forward(users, items), target));
            loss.Backward();
            opt.Step();
        }
        for (int i = 0; i < 3; i++) Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) Step();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"10 steady-state steps allocated {allocated} bytes");
    }

    [Fact]
    public void Without_an_arena_results_are_fresh_tensors()
    {
        var x = new Tensor([1f, -2f], 2);
        var a = Ops.Relu(x); var b = Ops.Relu(x);
        Assert.NotSame(a, b);
        Assert.Equal(0f, a.Data[1]);
    }
}
