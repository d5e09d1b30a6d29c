using RecCourse.Tensors;

namespace RecCourse.Tests.Tensors;

/// <summary>Every operation in <see cref="Ops"/> against a float64 reference (see <see cref="GradCheck"/>).</summary>
public class OpsGradientTests
{
    private static readonly Random Rng = new(7);

    private static Tensor In(double lo, double hi, params int[] shape) => GradCheck.Input(Rng, lo, hi, shape);

    private static double[] Map(double[] x, Func<double, double> f) => x.Select(f).ToArray();

    [Fact]
    public void Add_Sub_Mul()
    {
        var a = In(-2, 2, 3, 4); var b = In(-2, 2, 3, 4);
        GradCheck.Check([a, b], t => Ops.Add(t[0], t[1]), x => x[0].Zip(x[1], (p, q) => p + q).ToArray());
        GradCheck.Check([a, b], t => Ops.Sub(t[0], t[1]), x => x[0].Zip(x[1], (p, q) => p - q).ToArray());
        GradCheck.Check([a, b], t => Ops.Mul(t[0], t[1]), x => x[0].Zip(x[1], (p, q) => p * q).ToArray());
    }

    [Fact]
    public void Scale_and_AddScalar()
    {
        var a = In(-2, 2, 5);
        GradCheck.Check([a], t => Ops.Scale(t[0], -1.5f), x => Map(x[0], v => -1.5 * v));
        GradCheck.Check([a], t => Ops.AddScalar(t[0], 0.25f), x => Map(x[0], v => v + 0.25));
    }

    [Fact]
    public void Row_vector_broadcasts()
    {
        var a = In(-2, 2, 4, 3); var v = In(-2, 2, 3);
        GradCheck.Check([a, v], t => Ops.AddRowVector(t[0], t[1]), x => x[0].Select((p, i) => p + x[1][i % 3]).ToArray());
        GradCheck.Check([a, v], t => Ops.MulRowVector(t[0], t[1]), x => x[0].Select((p, i) => p * x[1][i % 3]).ToArray());
    }

    [Fact]
    public void Activations()
    {
        // values kept away from relu's kink at 0 so central differences are valid.
        var a = In(0.05, 2, 3, 5);
        for (int i = 0; i < a.Length; i += 2) a.Data[i] = -a.Data[i];
        GradCheck.Check([a], t => Ops.Relu(t[0]), x => Map(x[0], v => Math.Max(v, 0)));
        GradCheck.Check([a], t => Ops.LeakyRelu(t[0], 0.1f), x => Map(x[0], v => v > 0 ? v : 0.1 * v));
        GradCheck.Check([a], t => Ops.Tanh(t[0]), x => Map(x[0], Math.Tanh));
        GradCheck.Check([a], t => Ops.Sigmoid(t[0]), x => Map(x[0], GradCheck.Sigmoid));
        GradCheck.Check([a], t => Ops.SigmoidRange(t[0], 1f, 5.5f), x => Map(x[0], v => 1 + 4.5 * GradCheck.Sigmoid(v)));
    }

    [Fact]
    public void LogSoftmax_rows()
    {
        var a = In(-3, 3, 4, 6);
        GradCheck.Check([a], t => Ops.LogSoftmax(t[0]), x =>
        {
            var y = new double[24];
            for (int r = 0; r < 4; r++)
            {
                double lse = Math.Log(Enumerable.Range(0, 6).Sum(j => Math.Exp(x[0][r * 6 + j])));
                for (int j = 0; j < 6; j++) y[r * 6 + j] = x[0][r * 6 + j] - lse;
            }
            return y;
        });
    }

    [Fact]
    public void Dropout_scales_survivors_and_is_identity_in_eval()
    {
        var a = In(0.5, 2, 50, 20);
        var rng = new FastRandom(3);
        var y = Ops.Dropout(a, 0.2f, rng, training: true);
        // recover the mask from the output, then check the gradient against x ⊙ mask.
        var mask = y.Data.Select((v, i) => (double)v / a.Data[i]).ToArray();
        Assert.All(mask, m => Assert.True(Math.Abs(m) < 1e-6 || Math.Abs(m - 1.25) < 1e-5, $"mask value {m}"));
        double dropped = mask.Count(m => m == 0) / (double)mask.Length;
        Assert.InRange(dropped, 0.15, 0.25);
        a.ZeroGrad();
        var w = Enumerable.Repeat(1f, y.Length).ToArray();
        y.Backward(w);
        for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(a.Grad![i] - mask[i]) < 1e-5, $"grad[{i}]");
        Assert.Same(a, Ops.Dropout(a, 0.2f, rng, training: false));
    }

    [Fact]
    public void Sum_Mean_SumRows_RowDot()
    {
        var a = In(-2, 2, 3, 4); var b = In(-2, 2, 3, 4);
        GradCheck.Check([a], t => Ops.Sum(t[0]), x => [x[0].Sum()]);
        GradCheck.Check([a], t => Ops.Mean(t[0]), x => [x[0].Average()]);
        GradCheck.Check([a], t => Ops.SumRows(t[0]), x => Enumerable.Range(0, 3).Select(r => x[0].Skip(r * 4).Take(4).Sum()).ToArray());
        GradCheck.Check([a, b], t => Ops.RowDot(t[0], t[1]),
            x => Enumerable.Range(0, 3).Select(r => Enumerable.Range(0, 4).Sum(j => x[0][r * 4 + j] * x[1][r * 4 + j])).ToArray());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void MatMul_with_transposes(bool ta, bool tb)
    {
        int m = 5, k = 7, n = 9;
        var a = ta ? In(-1, 1, k, m) : In(-1, 1, m, k);
        var b = tb ? In(-1, 1, n, k) : In(-1, 1, k, n);
        GradCheck.Check([a, b], t => Ops.MatMul(t[0], t[1], ta, tb), x =>
        {
            var y = new double[m * n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                    for (int p = 0; p < k; p++)
                        y[i * n + j] += (ta ? x[0][p * m + i] : x[0][i * k + p]) * (tb ? x[1][j * k + p] : x[1][p * n + j]);
            return y;
        });
    }

    [Fact]
    public void Linear_with_and_without_bias()
    {
        var x = In(-1, 1, 6, 5); var w = In(-1, 1, 3, 5); var bias = In(-1, 1, 3);
        double[] Ref(double[][] v, bool hasBias)
        {
            var y = new double[18];
            for (int r = 0; r < 6; r++)
                for (int o = 0; o < 3; o++)
                    y[r * 3 + o] = (hasBias ? v[2][o] : 0) + Enumerable.Range(0, 5).Sum(i => v[0][r * 5 + i] * v[1][o * 5 + i]);
            return y;
        }
        GradCheck.Check([x, w, bias], t => Ops.Linear(t[0], t[1], t[2]), v => Ref(v, true));
        GradCheck.Check([x, w], t => Ops.Linear(t[0], t[1]), v => Ref(v, false));
    }

    [Fact]
    public void Gather_accumulates_repeated_rows_and_tracks_them()
    {
        var table = In(-1, 1, 6, 3);
        int[] idx = [4, 1, 4, 0];
        GradCheck.Check([table], t => Ops.Gather(t[0], idx), x => idx.SelectMany(i => x[0].Skip(i * 3).Take(3)).ToArray());
        Assert.Equal(new[] { 4, 1, 0 }, table.TouchedRows!.AsSpan().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Gather(table, [6]));
    }

    [Fact]
    public void Concat_and_Reshape()
    {
        var a = In(-1, 1, 3, 2); var b = In(-1, 1, 3, 4);
        GradCheck.Check([a, b], t => Ops.Concat(t[0], t[1]),
            x => Enumerable.Range(0, 3).SelectMany(r => x[0].Skip(r * 2).Take(2).Concat(x[1].Skip(r * 4).Take(4))).ToArray());
        var c = In(-1, 1, 6, 1);
        GradCheck.Check([c], t => Ops.Reshape(t[0], 6), x => x[0]);
    }

    [Fact]
    public void A_tensor_used_twice_accumulates_both_paths()
    {
        var a = In(-1, 1, 4);
        // y = a ⊙ a + 2a: dy/da = 2a + 2 needs both uses of a.
        GradCheck.Check([a], t => Ops.Add(Ops.Mul(t[0], t[0]), Ops.Scale(t[0], 2f)), x => Map(x[0], v => v * v + 2 * v));
    }

    [Fact]
    public void NoGrad_records_nothing_and_shape_errors_name_the_shapes()
    {
        var a = In(-1, 1, 2, 3);
        using (Autograd.NoGrad()) Assert.False(Ops.Relu(a).RequiresGrad);
        Assert.True(Ops.Relu(a).RequiresGrad);
        var e = Assert.Throws<ArgumentException>(() => Ops.Add(a, In(-1, 1, 3, 2)));
        Assert.Contains("[2, 3]", e.Message);
        var m = Assert.Throws<ArgumentException>(() => Ops.MatMul(a, a));
        Assert.Contains("inner sizes", m.Message);
    }
}
