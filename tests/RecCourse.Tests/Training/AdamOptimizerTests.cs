using RecCourse.Tests.TestSupport;
using RecCourse.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecCourse.Tests.Training;

/// <summary>FusedAdam and LazyAdam against torch.optim.Adam/AdamW and against each other.</summary>
public class AdamOptimizerTests
{
    private const double Rel = 2e-5, Abs = 2e-6;

    public AdamOptimizerTests() => Backend.Initialize();

    /// <summary>Two identical parameter sets (a 2-D table and a vector) with fixed values.</summary>
    private static (Parameter[] A, Parameter[] B) Twins(long rows = 13, long width = 7, int seed = 3)
    {
        var g = new Generator((ulong)seed);
        var table = randn(rows, width, generator: g);
        var vector = randn(width, generator: g);
        Parameter[] Make() => [new Parameter(table.clone()), new Parameter(vector.clone())];
        return (Make(), Make());
    }

    /// <summary>A deterministic loss whose gradient reaches every element: Σ w·c + ½Σ w².</summary>
    private static Tensor Loss(Parameter[] ps, int step)
    {
        var g = new Generator((ulong)(100 + step));
        Tensor total = zeros(1);
        foreach (var p in ps) total = total + (p * randn(p.shape, generator: g)).sum() + 0.5 * p.pow(2).sum();
        return total;
    }

    private static void Run(optim.Optimizer opt, Parameter[] ps, int steps, Func<Parameter[], int, Tensor>? loss = null)
    {
        for (int s = 0; s < steps; s++)
        {
            using var scope = NewDisposeScope();
            foreach (var p in ps) p.grad = null;
            (loss ?? Loss)(ps, s).backward();
            opt.step();
        }
    }

    private static void AssertSame(Parameter[] expected, Parameter[] actual, string what)
    {
        for (int k = 0; k < expected.Length; k++)
        {
            var e = expected[k].detach().to(float64).data<double>().ToArray();
            var a = actual[k].detach().to(float64).data<double>().ToArray();
            Approx.AssertClose(e, a, Rel, Abs, $"{what}, parameter {k}");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(3e-2)]
    public void FusedAdam_matches_torch_Adam_with_coupled_weight_decay(double wd)
    {
        var (a, b) = Twins();
        Run(optim.Adam(a, lr: 1e-2, weight_decay: wd), a, 25);
        Run(new FusedAdam(b, lr: 1e-2, weight_decay: wd), b, 25);
        AssertSame(a, b, $"weight_decay {wd}");
    }

    [Fact]
    public void FusedAdam_with_decoupled_decay_matches_torch_AdamW()
    {
        var (a, b) = Twins();
        Run(optim.AdamW(a, lr: 1e-2, weight_decay: 0.1), a, 25);
        Run(new FusedAdam(b, lr: 1e-2, weight_decay: 0.1, decoupled_weight_decay: true), b, 25);
        AssertSame(a, b, "AdamW");
    }

    [Fact]
    public void Kernel_and_tensor_paths_agree()
    {
        var (a, b) = Twins(rows: 40, width: 33); // 33: a vector tail after the SIMD part
        Run(new FusedAdam(a, lr: 5e-3, weight_decay: 1e-2), a, 10);
        Run(new FusedAdam(b, lr: 5e-3, weight_decay: 1e-2) { UseKernels = false }, b, 10);
        AssertSame(a, b, "kernel vs tensor path");
    }

    /// <summary>Embedding lookups with repeated rows and rows never looked up.</summary>
    private static Tensor EmbeddingLoss(Embedding e, long[] rows, int step)
    {
        var g = new Generator((ulong)(7 + step));
        var idx = tensor(rows);
        var y = e.forward(idx);
        return (y * randn(y.shape, generator: g)).sum() + y.pow(2).sum() * 0.1;
    }

    private static (Embedding Dense, Embedding Sparse) EmbeddingTwins(long n = 11, long d = 9)
    {
        var dense = nn.Embedding(n, d);
        var sparse = nn.Embedding(n, d, sparse: true);
        using (no_grad()) sparse.weight!.copy_(dense.weight!);
        return (dense, sparse);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FusedAdam_treats_a_sparse_gradient_as_the_dense_one(bool kernels)
    {
        long[] rows = [1, 4, 4, 9, 1, 1, 0];
        var (dense, sparse) = EmbeddingTwins();
        var optDense = optim.Adam(dense.parameters(), lr: 1e-2, weight_decay: 1e-2);
        var optSparse = new FusedAdam(sparse.parameters(), lr: 1e-2, weight_decay: 1e-2) { UseKernels = kernels };
        for (int s = 0; s < 12; s++)
        {
            using var scope = NewDisposeScope();
            dense.weight!.grad = null; sparse.weight!.grad = null;
            EmbeddingLoss(dense, rows, s).backward();
            EmbeddingLoss(sparse, rows, s).backward();
            Assert.True(sparse.weight!.grad!.is_sparse);
            optDense.step(); optSparse.step();
        }
        AssertSame([dense.weight!], [sparse.weight!], $"sparse vs dense gradient (kernels {kernels})");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LazyAdam_equals_dense_Adam_when_every_row_gets_a_gradient(bool kernels)
    {
        long[] rows = [3, 0, 2, 1, 4, 2, 0]; // all of 0..4, some twice
        var (dense, sparse) = EmbeddingTwins(n: 5, d: 10);
        var optDense = new FusedAdam(dense.parameters(), lr: 1e-2, weight_decay: 1e-3);
        var optLazy = new LazyAdam(sparse.parameters(), lr: 1e-2, weight_decay: 1e-3) { UseKernels = kernels };
        for (int s = 0; s < 12; s++)
        {
            using var scope = NewDisposeScope();
            dense.weight!.grad = null; sparse.weight!.grad = null;
            EmbeddingLoss(dense, rows, s).backward();
            EmbeddingLoss(sparse, rows, s).backward();
            optDense.step(); optLazy.step();
        }
        AssertSame([dense.weight!], [sparse.weight!], $"lazy vs dense on fully covered rows (kernels {kernels})");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LazyAdam_leaves_untouched_rows_and_their_moments_alone(bool kernels)
    {
        var (_, sparse) = EmbeddingTwins(n: 8, d: 4);
        var before = sparse.weight!.detach().clone();
        var opt = new LazyAdam(sparse.parameters(), lr: 1e-1, weight_decay: 1e-2) { UseKernels = kernels };
        for (int s = 0; s < 5; s++)
        {
            using var scope = NewDisposeScope();
            sparse.weight!.grad = null;
            EmbeddingLoss(sparse, [2, 5, 5], s).backward();
            opt.step();
        }
        var after = sparse.weight!.detach();
        for (long r = 0; r < 8; r++)
        {
            bool moved = !after[r].allclose(before[r]);
            Assert.Equal(r is 2 or 5, moved);
        }
    }

    [Fact]
    public void Lazy_kernel_and_tensor_paths_agree_on_partial_rows()
    {
        long[] rows = [6, 1, 6, 3];
        var (_, a) = EmbeddingTwins(n: 9, d: 37);
        var b = nn.Embedding(9, 37, sparse: true);
        using (no_grad()) b.weight!.copy_(a.weight!);
        var oa = new LazyAdam(a.parameters(), lr: 1e-2, weight_decay: 1e-2);
        var ob = new LazyAdam(b.parameters(), lr: 1e-2, weight_decay: 1e-2) { UseKernels = false };
        for (int s = 0; s < 8; s++)
        {
            using var scope = NewDisposeScope();
            a.weight!.grad = null; b.weight!.grad = null;
            EmbeddingLoss(a, rows, s).backward(); EmbeddingLoss(b, rows, s).backward();
            oa.step(); ob.step();
        }
        AssertSame([a.weight!], [b.weight!], "lazy kernel vs lazy tensor path");
    }

    [Fact]
    public void Works_with_torch_learning_rate_schedulers()
    {
        var (a, b) = Twins();
        var torchOpt = optim.Adam(a, lr: 1e-2);
        var ours = new FusedAdam(b, lr: 1e-2);
        var s1 = optim.lr_scheduler.StepLR(torchOpt, 3, 0.5);
        var s2 = optim.lr_scheduler.StepLR(ours, 3, 0.5);
        for (int s = 0; s < 10; s++)
        {
            Run(torchOpt, a, 1); Run(ours, b, 1);
            s1.step(); s2.step();
        }
        Assert.Equal(torchOpt.ParamGroups.First().LearningRate, ours.ParamGroups.First().LearningRate, 12);
        AssertSame(a, b, "with StepLR");
    }

    [Fact]
    public void Rejects_bad_hyperparameters_by_name()
    {
        var (a, _) = Twins();
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => new FusedAdam(a, lr: -1)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new LazyAdam(a, beta1: 1.0)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new FusedAdam(a, weight_decay: double.NaN)).ParamName);
    }
}
