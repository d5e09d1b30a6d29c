namespace RecCourse.Metrics;

/// <summary>
/// Rating-prediction errors, in stars (lower is better, 0 is perfect). Sums run in float64.
/// Inputs are aligned spans (actual[k] ↔ predicted[k]); empty or mismatched inputs throw.
/// </summary>
public static class RatingMetrics
{
    /// <summary>Root mean squared error √(mean (actual − predicted)²).</summary>
    public static double Rmse(ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted)
    {
        Check(actual.Length, predicted.Length);
        double s = 0;
        for (int k = 0; k < actual.Length; k++) { double e = (double)actual[k] - predicted[k]; s += e * e; }
        return Math.Sqrt(s / actual.Length);
    }

    /// <summary>Root mean squared error, float64 predictions.</summary>
    public static double Rmse(ReadOnlySpan<float> actual, ReadOnlySpan<double> predicted)
    {
        Check(actual.Length, predicted.Length);
        double s = 0;
        for (int k = 0; k < actual.Length; k++) { double e = actual[k] - predicted[k]; s += e * e; }
        return Math.Sqrt(s / actual.Length);
    }

    /// <summary>Mean absolute error mean |actual − predicted|.</summary>
    public static double Mae(ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted)
    {
        Check(actual.Length, predicted.Length);
        double s = 0;
        for (int k = 0; k < actual.Length; k++) s += Math.Abs((double)actual[k] - predicted[k]);
        return s / actual.Length;
    }

    /// <summary>Mean absolute error, float64 predictions.</summary>
    public static double Mae(ReadOnlySpan<float> actual, ReadOnlySpan<double> predicted)
    {
        Check(actual.Length, predicted.Length);
        double s = 0;
        for (int k = 0; k < actual.Length; k++) s += Math.Abs(actual[k] - predicted[k]);
        return s / actual.Length;
    }

    private static void Check(int a, int p)
    {
        if (a != p) throw new ArgumentException($"actual has {a} values but predicted has {p}.");
        if (a == 0) throw new ArgumentException("No ratings to score: actual and predicted are empty.");
    }
}
