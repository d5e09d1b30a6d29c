using RecCourse.Models;
using RecCourse.Tensors;

namespace RecCourse.Fairness.Explanations;

/// <summary>
/// Integrated gradients for the hybrid deep model (<see cref="HybridMlp"/>): the explained function is
/// the MLP on the concatenated input row [user emb | item emb | item features | user features |
/// category emb], so attributions say how much each part of the input — the learned embeddings and
/// each metadata column — moved the predicted rating away from the baseline's.
/// </summary>
public static class HybridMlpExplanations
{
    /// <summary>The concatenated input row (length <see cref="HybridMlp.InputWidth"/>) of one (user, item) pair.</summary>
    public static float[] InputRow(HybridMlp model, int user, int item)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var _ = Autograd.NoGrad();
        return model.Features([user], [item]).Data.ToArray();
    }

    /// <summary>Input rows of many pairs (users[k], items[k]), e.g. test ratings, for <see cref="PermutationImportance"/>.</summary>
    public static float[][] InputRows(HybridMlp model, ReadOnlySpan<int> users, ReadOnlySpan<int> items)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var _ = Autograd.NoGrad();
        var t = model.Features(users, items);
        var rows = new float[t.Rows][];
        for (int r = 0; r < rows.Length; r++) rows[r] = t.Row(r).ToArray();
        return rows;
    }

    /// <summary>
    /// Batch prediction from input rows (evaluation mode), the <c>predict</c> function of
    /// <see cref="PermutationImportance.ComputeBlocks"/>: shuffling a metadata block of the rows shows
    /// how much the model relies on it.
    /// </summary>
    public static Func<float[][], float[]> PredictRows(HybridMlp model, float yMin = 0f, float? yMax = 5.5f)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Eval();
        return rows =>
        {
            using var _ = Autograd.NoGrad();
            var raw = model.Net.Forward(Tensor.FromRows(rows));
            var y = yMax is { } hi ? Ops.SigmoidRange(raw, yMin, hi) : raw;
            return y.Data.ToArray();
        };
    }

    /// <summary>The mean input row over <paramref name="pairs"/>: a data-driven baseline ("an average pair").</summary>
    public static float[] MeanInputRow(HybridMlp model, IReadOnlyList<(int User, int Item)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0) throw new ArgumentException("Need at least one pair for a mean baseline.", nameof(pairs));
        var mean = new double[model.InputWidth];
        foreach (var (u, i) in pairs)
        {
            var row = InputRow(model, u, i);
            for (int c = 0; c < row.Length; c++) mean[c] += row[c];
        }
        return mean.Select(v => (float)(v / pairs.Count)).ToArray();
    }

    /// <summary>
    /// Value and input gradient of the model's prediction as a function of the input row. The model
    /// is switched to evaluation mode (no dropout). Pass the (<paramref name="yMin"/>, <paramref name="yMax"/>)
    /// the model was built with (<see cref="HybridMlpOptions"/>) to explain the predicted rating; without
    /// <paramref name="yMax"/> the raw network output is explained.
    /// </summary>
    public static Func<float[], (float Value, float[] Grad)> Gradient(HybridMlp model, float yMin = 0f, float? yMax = 5.5f)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Eval();
        var inner = EngineGradients.Of(x =>
        {
            var raw = model.Net.Forward(x);
            return yMax is { } hi ? Ops.SigmoidRange(raw, yMin, hi) : raw;
        });
        return x =>
        {
            if (x.Length != model.InputWidth) throw new ArgumentException($"Input row has {x.Length} values, the model expects {model.InputWidth}.", nameof(x));
            var result = inner(x);
            model.ZeroGrad();
            return result;
        };
    }

    /// <summary>Integrated gradients of the prediction for (user, item) against <paramref name="baseline"/>.</summary>
    public static Attribution Explain(HybridMlp model, int user, int item, float[] baseline, float yMin = 0f, float? yMax = 5.5f, int steps = 64)
        => IntegratedGradients.Attribute(Gradient(model, yMin, yMax), InputRow(model, user, item), baseline, steps);

    /// <summary>
    /// Sums attributions over consecutive column blocks, e.g. [("user emb", 32), ("item emb", 32),
    /// ("genres", 19), ("age", 1), ("gender", 1)]; the widths must add up to the row length.
    /// </summary>
    public static IReadOnlyList<BlockAttribution> SumBlocks(double[] attributions, IReadOnlyList<(string Name, int Width)> blocks)
    {
        ArgumentNullException.ThrowIfNull(attributions);
        ArgumentNullException.ThrowIfNull(blocks);
        int total = blocks.Sum(b => b.Width);
        if (total != attributions.Length) throw new ArgumentException($"Block widths add up to {total}, the row has {attributions.Length} columns.", nameof(blocks));
        var rows = new List<BlockAttribution>(blocks.Count);
        int start = 0;
        foreach (var (name, width) in blocks)
        {
            if (width < 0) throw new ArgumentException($"Block '{name}' has negative width {width}.", nameof(blocks));
            rows.Add(new BlockAttribution(name, width, attributions.AsSpan(start, width).ToArray().Sum()));
            start += width;
        }
        return rows;
    }
}
