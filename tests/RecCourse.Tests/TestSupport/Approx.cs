namespace RecCourse.Tests.TestSupport;

/// <summary>Tolerance-based float comparisons: never Assert.Equal on floats.</summary>
public static class Approx
{
    /// <summary>float32 kernel against a float64 reference.</summary>
    public const double Float32Rel = 1e-5, Float32Abs = 1e-6;
    /// <summary>Finite-difference gradient checks in float64.</summary>
    public const double GradRel = 1e-4, GradAbs = 1e-6;

    /// <summary>|expected − actual| ≤ abs + rel·|expected|, with a message naming the index.</summary>
    public static void AssertClose(double expected, double actual, double rel, double abs, string? what = null)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual)) return;
        double tol = abs + rel * Math.Abs(expected);
        if (!(Math.Abs(expected - actual) <= tol))
            Assert.Fail($"{what ?? "value"}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(expected - actual):E3} > tol {tol:E3})");
    }

    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double rel, double abs, string? what = null)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) AssertClose(expected[i], actual[i], rel, abs, $"{what ?? "element"}[{i}]");
    }

    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double rel, double abs, string? what = null)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) AssertClose(expected[i], actual[i], rel, abs, $"{what ?? "element"}[{i}]");
    }
}
