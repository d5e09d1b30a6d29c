namespace RecCourse.Tests.Fairness.Leakage;

/// <summary>Gaussian embeddings where the attribute shifts rows along one planted unit direction.</summary>
internal static class PlantedEmbeddings
{
    public static (double[][] X, bool[] Attribute, double[] Direction) Make(int n, int d, double shift, int seed)
    {
        var rng = new Random(seed);
        var direction = new double[d];
        for (int c = 0; c < d; c++) direction[c] = Gaussian(rng);
        double norm = Math.Sqrt(direction.Sum(v => v * v));
        for (int c = 0; c < d; c++) direction[c] /= norm;
        var x = new double[n][];
        var attribute = new bool[n];
        for (int r = 0; r < n; r++)
        {
            attribute[r] = rng.NextDouble() < 0.4;
            x[r] = new double[d];
            for (int c = 0; c < d; c++) x[r][c] = Gaussian(rng) + (attribute[r] ? shift : 0) * direction[c];
        }
        return (x, attribute, direction);
    }

    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
