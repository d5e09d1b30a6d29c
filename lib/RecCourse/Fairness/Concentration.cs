namespace RecCourse.Fairness;

/// <summary>Stand-in Gini until the Metrics land.</summary>
internal static class Concentration
{
    public static double Gini(double[] counts)
    {
        var sorted = counts.OrderBy(c => c).ToArray();
        int n = sorted.Length; double total = sorted.Sum();
        if (n == 0 || total == 0) return 0;
        double s = 0;
        for (int k = 0; k < n; k++) s += (2.0 * (k + 1) - n - 1) * sorted[k];
        return s / (n * total);
    }
}
