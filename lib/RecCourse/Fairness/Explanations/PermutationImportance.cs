using MathNet.Numerics.Statistics;
using RecCourse.Metrics;

namespace RecCourse.Fairness.Explanations;

/// <summary>
/// Model-agnostic permutation importance (Breiman 2001; Fisher, Rudin &amp; Dominici 2019): shuffle one
/// feature column across rows, breaking its link to the target while keeping its distribution, and
/// measure how much the RMSE rises. Repeats with different seeded shuffles give a spread. Correlated
/// features share importance (shuffling one leaves the other to carry the signal), so a low score
/// means "not needed given the rest", not "unrelated to the target".
/// </summary>
public static class PermutationImportance
{
    /// <summary>Importance of every column of <paramref name="features"/> (n rows × d), most important first.</summary>
    /// <param name="predict">Maps a batch of rows to one prediction per row.</param>
    /// <param name="targets">True values (length n).</param>
    /// <param name="names">Column names (length d); "x0", "x1", … when null.</param>
    /// <param name="repeats">Shuffles per column (≥ 1).</param>
    /// <param name="seed">Seeds the shuffles.</param>
    public static IReadOnlyList<FeatureImportance> Compute(Func<float[][], float[]> predict, float[][] features, float[] targets,
        IReadOnlyList<string>? names = null, int repeats = 5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(predict);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (features.Length != targets.Length) throw new ArgumentException($"{features.Length} feature rows but {targets.Length} targets.", nameof(targets));
        if (features.Length == 0) throw new ArgumentException("No rows.", nameof(features));
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "Need at least one repeat.");
        int d = features[0].Length;
        for (int r = 0; r < features.Length; r++)
            if (features[r].Length != d) throw new ArgumentException($"Row {r} has {features[r].Length} features, row 0 has {d}.", nameof(features));
        if (names is not null && names.Count != d) throw new ArgumentException($"{names.Count} names for {d} features.", nameof(names));

        var blocks = Enumerable.Range(0, d).Select(c => (names?[c] ?? $"x{c}", new[] { c })).ToList();
        return Shuffled(predict, features, targets, blocks, repeats, seed);
    }

    /// <summary>
    /// Importance of consecutive column blocks, each shuffled as a whole (rows of the block move
    /// together), e.g. [("user emb", 32), ("item emb", 32), ("genres", 19), ("age", 1)]: the right unit
    /// when one input spans several columns. Widths must add up to the row length.
    /// </summary>
    public static IReadOnlyList<FeatureImportance> ComputeBlocks(Func<float[][], float[]> predict, float[][] features, float[] targets,
        IReadOnlyList<(string Name, int Width)> blocks, int repeats = 5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(predict);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(blocks);
        if (features.Length != targets.Length) throw new ArgumentException($"{features.Length} feature rows but {targets.Length} targets.", nameof(targets));
        if (features.Length == 0) throw new ArgumentException("No rows.", nameof(features));
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "Need at least one repeat.");
        int total = blocks.Sum(b => b.Width), d = features[0].Length;
        if (total != d) throw new ArgumentException($"Block widths add up to {total}, rows have {d} columns.", nameof(blocks));
        for (int r = 0; r < features.Length; r++)
            if (features[r].Length != d) throw new ArgumentException($"Row {r} has {features[r].Length} features, row 0 has {d}.", nameof(features));
        var columns = new List<(string, int[])>(blocks.Count);
        int start = 0;
        foreach (var (name, width) in blocks)
        {
            if (width < 1) throw new ArgumentException($"Block '{name}' has width {width}; widths must be ≥ 1.", nameof(blocks));
            columns.Add((name, Enumerable.Range(start, width).ToArray()));
            start += width;
        }
        return Shuffled(predict, features, targets, columns, repeats, seed);
    }

    private static IReadOnlyList<FeatureImportance> Shuffled(Func<float[][], float[]> predict, float[][] features, float[] targets,
        IReadOnlyList<(string Name, int[] Columns)> blocks, int repeats, int seed)
    {
        double baseline = Rmse(Predict(predict, features), targets);
        var rng = new Random(seed);
        var result = new List<FeatureImportance>(blocks.Count);
        var shuffled = features.Select(row => (float[])row.Clone()).ToArray();
        var order = Enumerable.Range(0, features.Length).ToArray();
        foreach (var (name, columns) in blocks)
        {
            var increases = new double[repeats];
            for (int k = 0; k < repeats; k++)
            {
                rng.Shuffle(order);
                for (int r = 0; r < shuffled.Length; r++)
                    foreach (int c in columns) shuffled[r][c] = features[order[r]][c];
                increases[k] = Rmse(Predict(predict, shuffled), targets) - baseline;
            }
            for (int r = 0; r < shuffled.Length; r++)
                foreach (int c in columns) shuffled[r][c] = features[r][c];
            result.Add(new FeatureImportance(name, baseline, increases.Mean(), repeats > 1 ? increases.StandardDeviation() : 0));
        }
        return result.OrderByDescending(f => f.RmseIncrease).ToList();
    }

    private static float[] Predict(Func<float[][], float[]> predict, float[][] rows)
    {
        var p = predict(rows);
        if (p.Length != rows.Length) throw new InvalidOperationException($"The model returned {p.Length} predictions for {rows.Length} rows.");
        return p;
    }

    private static double Rmse(float[] predictions, float[] targets) => RatingMetrics.Rmse(targets, predictions);
}
