using System.Globalization;

namespace RecCourse.Display;

/// <summary>
/// Public checks for notebook exercises: each call prints one line, "✅ Exercise 3.2: reason" or
/// "❌ Exercise 3.2: reason", and returns whether it passed. Lives in the core library so a notebook
/// needs only RecCourse.dll. The grader counts a ❌ line in a hidden-test cell as a failed exercise,
/// so hidden tests use the same calls.
/// </summary>
public static class Check
{
    /// <summary>Passes when <paramref name="condition"/> is true.</summary>
    public static bool That(string exercise, bool condition, string reason) =>
        Report(exercise, condition, reason);

    /// <summary>Passes when |expected − actual| ≤ tolerance (absolute); NaN never passes.</summary>
    public static bool Close(string exercise, double expected, double actual, double tolerance = 1e-6, string? what = null)
    {
        var ok = Math.Abs(expected - actual) <= tolerance;
        var label = what is null ? "" : what + ": ";
        return Report(exercise, ok, ok
            ? $"{label}{Fmt(actual)} is within {Fmt(tolerance)} of {Fmt(expected)}"
            : $"{label}expected {Fmt(expected)} ± {Fmt(tolerance)}, got {Fmt(actual)}");
    }

    /// <summary>Passes when the sequences have the same length and every pair is within <paramref name="tolerance"/>.</summary>
    public static bool AllClose(string exercise, IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance = 1e-6)
    {
        if (expected.Count != actual.Count)
            return Report(exercise, false, $"expected {expected.Count} values, got {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            if (!(Math.Abs(expected[i] - actual[i]) <= tolerance))
                return Report(exercise, false, $"at index {i}: expected {Fmt(expected[i])} ± {Fmt(tolerance)}, got {Fmt(actual[i])}");
        }
        return Report(exercise, true, $"all {expected.Count} values within {Fmt(tolerance)}");
    }

    /// <summary>Passes when <paramref name="actual"/> equals <paramref name="expected"/> (Equals).</summary>
    public static bool Equal<T>(string exercise, T expected, T actual, string? what = null)
    {
        var ok = EqualityComparer<T>.Default.Equals(expected, actual);
        var label = what is null ? "" : what + ": ";
        return Report(exercise, ok, ok ? $"{label}{actual}" : $"{label}expected {expected}, got {actual}");
    }

    /// <summary>Passes when <paramref name="actual"/> ≤ <paramref name="bound"/> (e.g. an RMSE target).</summary>
    public static bool AtMost(string exercise, double actual, double bound, string what) =>
        Report(exercise, actual <= bound, $"{what} = {Fmt(actual)} (must be ≤ {Fmt(bound)})");

    /// <summary>Passes when <paramref name="actual"/> ≥ <paramref name="bound"/> (e.g. an AUC target).</summary>
    public static bool AtLeast(string exercise, double actual, double bound, string what) =>
        Report(exercise, actual >= bound, $"{what} = {Fmt(actual)} (must be ≥ {Fmt(bound)})");

    /// <summary>Runs <paramref name="action"/>; passes when it returns without throwing. The exception message is the reason otherwise.</summary>
    public static bool Runs(string exercise, Action action, string reason)
    {
        try
        {
            action();
            return Report(exercise, true, reason);
        }
        catch (Exception e)
        {
            return Report(exercise, false, $"{reason}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static bool Report(string exercise, bool ok, string reason)
    {
        Console.Out.WriteLine($"{(ok ? "✅" : "❌")} Exercise {exercise}: {reason}");
        return ok;
    }

    private static string Fmt(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
