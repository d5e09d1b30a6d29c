using RecCourse.Tensors;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Tensors;

/// <summary>Hand-vectorised loops (activation backward passes) against scalar references for every length 0..256.</summary>
public class KernelTests
{
    [Fact]
    public void Activation_backward_every_length()
    {
        var rng = new Random(21);
        for (int n = 0; n <= 256; n++)
        {
            var x = new Tensor(n) { RequiresGrad = true };
            for (int i = 0; i < n; i++) x.Data[i] = (float)(rng.NextDouble() * 4 - 2);
            var g = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
            foreach (var (op, deriv) in new (Func<Tensor, Tensor>, Func<double, double>)[]
            {
                (Ops.Relu, v => v > 0 ? 1 : 0),
                (Ops.Tanh, v => 1 - Math.Tanh(v) * Math.Tanh(v)),
                (Ops.Sigmoid, v => GradCheck.Sigmoid(v) * (1 - GradCheck.Sigmoid(v))),
            })
            {
                x.ZeroGrad();
                var y = op(x);
                if (n == 0) continue;
                y.Backward(g);
                var expected = Enumerable.Range(0, n).Select(i => g[i] * deriv(x.Data[i])).ToArray();
                Approx.AssertClose(expected, x.Grad!, 1e-5, 1e-6, $"n={n}");
                // a second backward accumulates (the non-overwrite path of the kernel).
                op(x).Backward(g);
                Approx.AssertClose(expected.Select(v => 2 * v).ToArray(), x.Grad!, 1e-5, 1e-6, $"n={n} accumulated");
            }
        }
    }

    [Fact]
    public void FastRandom_is_seeded_uniform_and_in_range()
    {
        var a = new FastRandom(4); var b = new FastRandom(4);
        var counts = new int[10];
        for (int i = 0; i < 100_000; i++)
        {
            int v = a.Next(10);
            Assert.Equal(v, b.Next(10));
            counts[v]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
        var perm = Enumerable.Range(0, 50).ToArray();
        a.Shuffle(perm);
        Assert.Equal(Enumerable.Range(0, 50), perm.Order());
        Assert.NotEqual(Enumerable.Range(0, 50), perm);
    }

    [Fact]
    public void RowSet_adds_once_and_clears()
    {
        var s = new RowSet(5);
        s.Add(3); s.Add(1); s.Add(3);
        Assert.Equal(new[] { 3, 1 }, s.AsSpan().ToArray());
        s.Clear();
        Assert.Equal(0, s.Count);
        Assert.False(s.Contains(3));
    }
}
