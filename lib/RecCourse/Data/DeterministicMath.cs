namespace RecCourse.Data;

/// <summary>
/// exp and log built only from IEEE-754 +, −, ×, ÷ (which every machine rounds identically), so the
/// synthetic data set is bit-for-bit the same everywhere. <see cref="Math.Exp(double)"/> and
/// <see cref="Math.Log(double)"/> call the platform's C runtime, which may differ in the last bit.
/// Accurate to a few ulps, which is all the generator needs.
/// </summary>
internal static class DeterministicMath
{
    private const double Ln2 = 0.69314718055994530942;

    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > 709) return double.PositiveInfinity;
        if (x < -745) return 0;
        // x = k ln2 + r with |r| ≤ ln2/2, then a Taylor series for e^r (|r| < 0.35: 18 terms is plenty).
        double k = Math.Round(x / Ln2);
        double r = x - k * Ln2;
        double term = 1, sum = 1;
        for (int n = 1; n < 18; n++) { term *= r / n; sum += term; }
        return Math.ScaleB(sum, (int)k);
    }

    public static double Log(double x)
    {
        if (!(x > 0)) return x == 0 ? double.NegativeInfinity : double.NaN;
        if (double.IsPositiveInfinity(x)) return x;
        // x = m · 2^e with m in [√½, √2); log m = 2 atanh(s), s = (m − 1)/(m + 1), |s| < 0.172.
        int e = Math.ILogB(x);
        double m = Math.ScaleB(x, -e);
        if (m > 1.4142135623730951) { m /= 2; e++; }
        double s = (m - 1) / (m + 1), s2 = s * s, pow = s, sum = 0;
        for (int n = 1; n < 40; n += 2) { sum += pow / n; pow *= s2; }
        return 2 * sum + e * Ln2;
    }

    public static double Pow(double x, double y) => x == 0 ? (y > 0 ? 0 : double.PositiveInfinity) : Exp(y * Log(x));
}
