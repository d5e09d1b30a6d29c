using RecCourse.Tensors;

namespace RecCourse.Tests.Tensors;

/// <summary><see cref="Ops.GatherMean"/> against a float64 reference (see <see cref="GradCheck"/>).</summary>
public class GatherMeanTests
{
    // Float64 mean of each bag, written independently of the engine.
    private static double[] Reference(double[] table, int d, int[] indices, int[] offsets)
    {
        var y = new double[offsets.Length * d];
        for (int b = 0; b < offsets.Length; b++)
        {
            int start = offsets[b], end = b + 1 < offsets.Length ? offsets[b + 1] : indices.Length;
            for (int k = start; k < end; k++)
                for (int c = 0; c < d; c++) y[b * d + c] += table[indices[k] * d + c] / (end - start);
        }
        return y;
    }

    [Fact]
    public void Mean_of_bags_with_repeats_and_an_empty_bag()
    {
        var rng = new Random(11);
        var table = GradCheck.Input(rng, -1, 1, 7, 3);
        // Bags: {2, 5, 2}, {} (empty → zero row), {6}, {0, 1, 5, 3}.
        int[] indices = [2, 5, 2, 6, 0, 1, 5, 3];
        int[] offsets = [0, 3, 3, 4];
        GradCheck.Check([table], t => Ops.GatherMean(t[0], indices, offsets), x => Reference(x[0], 3, indices, offsets));
        Assert.Equal(new[] { 0, 1, 2, 3, 5, 6 }, table.TouchedRows!.AsSpan().ToArray().Order().ToArray());
    }

    [Fact]
    public void Bad_indices_and_offsets_are_rejected()
    {
        var table = GradCheck.Input(new Random(3), -1, 1, 4, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.GatherMean(table, [1, 4], [0]));
        Assert.Throws<ArgumentException>(() => Ops.GatherMean(table, [1, 2], [0, 3]));
        Assert.Throws<ArgumentException>(() => Ops.GatherMean(table, [1, 2], [1, 0]));
    }
}
