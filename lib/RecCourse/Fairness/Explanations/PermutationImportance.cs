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

        double baseline = Rmse(Predict(predict, features), targets);
        var rng = new Random(seed);
        var result = new List<FeatureImportance>(d);
        var shuffled = features.Select(row => (float[])row.Clone()).ToArray();
        var order = Enumerable.Range(0, features.Length).ToArray();
        for (int c = 0; c < d; c++)
        {
            var increases = new double[repeats];
            for (int k = 0; k < repeats; k++)
            {
                rng.Shuffle(order);
                for (int r = 0; r < shuffled.Length; r++) shuffled[r][c] = features[order[r]][c];
                increases[k] = Rmse(Predict(predict, shuffled), targets) - baseline;
            }
            for (int r = 0; r < shuffled.Length; r++) shuffled[r][c] = features[r][c];
            result.Add(new FeatureImportance(names?[c] ?? $"x{c}", baseline, increases.Mean(), repeats > 1 ? increases.StandardDeviation() : 0));
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
