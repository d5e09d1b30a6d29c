using RecCourse.Data;

namespace RecCourse.Tests.Models.Als;

/// <summary>Small generated rating problems for the ALS tests.</summary>
internal static class AlsTestData
{
    /// <summary>A random subset of cells of an n×m matrix with values from <paramref name="value"/>.</summary>
    public static RatingTable Random(int users, int items, double density, int seed, Func<int, int, Random, double> value)
    {
        var rng = new Random(seed);
        var u = new List<int>(); var i = new List<int>(); var v = new List<float>();
        for (int a = 0; a < users; a++)
            for (int b = 0; b < items; b++)
                if (rng.NextDouble() < density) { u.Add(a); i.Add(b); v.Add((float)value(a, b, rng)); }
        return new RatingTable(u.ToArray(), i.ToArray(), v.ToArray(), new long[u.Count]);
    }

    public static double[] Gaussian(int n, double std, Random rng)
    {
        var x = new double[n];
        for (int k = 0; k < n; k++) x[k] = std * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return x;
    }
}
