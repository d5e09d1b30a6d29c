using RecCourse.Data;

namespace RecCourse.Fairness.Simulation;

/// <summary>Ground-truth preference matrices for the feedback-loop simulation when no data set supplies one.</summary>
public static class SimulatedPreferences
{
    /// <summary>
    /// A low-rank "true preference" matrix on the 1–5 star scale (users × items):
    /// v_ui = 1 + 4·σ(s·p_u·q_i + b_i), with p_u, q_i ~ N(0, I/d) and item appeal b_i ~ N(0, 0.5²).
    /// The shared appeal term makes some items good for almost everyone, as popular items are; the
    /// factor term gives each user their own taste. Seeded, deterministic.
    /// </summary>
    /// <param name="factors">Latent dimension d ≥ 1.</param>
    /// <param name="tasteScale">s: how much personal taste outweighs shared appeal.</param>
    public static float[,] LowRank(int numUsers, int numItems, int factors = 8, double tasteScale = 3.0, int seed = 0)
    {
        if (numUsers < 1) throw new ArgumentOutOfRangeException(nameof(numUsers), numUsers, "Need at least one user.");
        if (numItems < 1) throw new ArgumentOutOfRangeException(nameof(numItems), numItems, "Need at least one item.");
        if (factors < 1) throw new ArgumentOutOfRangeException(nameof(factors), factors, "Need at least one factor.");
        var rng = new Random(seed);
        double scale = 1 / Math.Sqrt(factors);
        var p = new double[numUsers, factors];
        var q = new double[numItems, factors];
        var appeal = new double[numItems];
        for (int u = 0; u < numUsers; u++) for (int f = 0; f < factors; f++) p[u, f] = Gaussian(rng) * scale;
        for (int i = 0; i < numItems; i++)
        {
            for (int f = 0; f < factors; f++) q[i, f] = Gaussian(rng) * scale;
            appeal[i] = 0.5 * Gaussian(rng);
        }
        var v = new float[numUsers, numItems];
        for (int u = 0; u < numUsers; u++)
            for (int i = 0; i < numItems; i++)
            {
                double dot = 0;
                for (int f = 0; f < factors; f++) dot += p[u, f] * q[i, f];
                v[u, i] = (float)(1 + 4 / (1 + Math.Exp(-(tasteScale * dot + appeal[i]))));
            }
        return v;
    }

    /// <summary>
    /// The synthetic data set's own planted preferences as a ground-truth matrix: v_ui = μ + b_u + b_i +
    /// p_u·q_i + group effects (the noiseless rating without context; it may leave 1–5 slightly).
    /// Takes users 0 … <paramref name="numUsers"/> − 1 and the <paramref name="numItems"/> items of
    /// highest design popularity, so column j is the item of popularity rank j — a dense corner of
    /// the catalogue small enough for notebook-speed simulation.
    /// </summary>
    public static float[,] FromTruth(SyntheticTruth truth, int numUsers = 300, int numItems = 500)
    {
        ArgumentNullException.ThrowIfNull(truth);
        int totalUsers = truth.UserFactors.Length, totalItems = truth.ItemFactors.Length;
        if (numUsers < 1 || numUsers > totalUsers) throw new ArgumentOutOfRangeException(nameof(numUsers), numUsers, $"Must be in [1, {totalUsers}].");
        if (numItems < 1 || numItems > totalItems) throw new ArgumentOutOfRangeException(nameof(numItems), numItems, $"Must be in [1, {totalItems}].");
        var itemOfRank = new int[totalItems];
        for (int i = 0; i < totalItems; i++) itemOfRank[truth.PopularityRank[i]] = i;
        var v = new float[numUsers, numItems];
        for (int u = 0; u < numUsers; u++)
            for (int j = 0; j < numItems; j++)
            {
                int i = itemOfRank[j];
                v[u, j] = (float)(truth.GlobalBias + truth.UserBias[u] + truth.ItemBias[i] + truth.Preference(u, i));
            }
        return v;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
