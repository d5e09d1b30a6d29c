using RecCourse.Data;

namespace RecCourse.Tests.Context;

/// <summary>
/// Generated context-aware ratings: Time {Weekday, Weekend} × Location {Home, Cinema} × Companion
/// {Alone, Family, Partner}, rating = 3 + b_u + b_i + p_u·q_i + planted effect + noise (unclamped).
/// </summary>
internal static class CarsTestData
{
    public static readonly ContextSchema Schema = new(["Time", "Location", "Companion"], [["Weekday", "Weekend"], ["Home", "Cinema"], ["Alone", "Family", "Partner"]]);
    public const int Location = 1, Cinema = 1;

    /// <param name="effect">Added to the rating of (user, item, context).</param>
    public static RecDataset Generate(int users, int items, double density, int seed, Func<int, int, int[], double> effect, double noise = 0.3)
    {
        var rng = new Random(seed);
        double G() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var bu = Enumerable.Range(0, users).Select(_ => 0.3 * G()).ToArray();
        var bi = Enumerable.Range(0, items).Select(_ => 0.3 * G()).ToArray();
        var p = Enumerable.Range(0, users * 2).Select(_ => 0.5 * G()).ToArray();
        var q = Enumerable.Range(0, items * 2).Select(_ => 0.5 * G()).ToArray();
        var u = new List<int>(); var i = new List<int>(); var v = new List<float>();
        var ctx = new[] { new List<int>(), new List<int>(), new List<int>() };
        for (int a = 0; a < users; a++)
            for (int b = 0; b < items; b++)
            {
                if (rng.NextDouble() >= density) continue;
                int[] c = [rng.Next(2), rng.Next(2), rng.Next(3)];
                double r = 3 + bu[a] + bi[b] + p[2 * a] * q[2 * b] + p[2 * a + 1] * q[2 * b + 1] + effect(a, b, c) + noise * G();
                u.Add(a); i.Add(b); v.Add((float)r);
                for (int d = 0; d < 3; d++) ctx[d].Add(c[d]);
            }
        var userIds = new IdIndex(); for (int a = 0; a < users; a++) userIds.GetOrAdd($"u{a}");
        var itemIds = new IdIndex(); for (int b = 0; b < items; b++) itemIds.GetOrAdd($"i{b}");
        return new RecDataset
        {
            Name = "cars-test", Format = "synthetic",
            Ratings = new RatingTable(u.ToArray(), i.ToArray(), v.ToArray(), new long[u.Count], ctx.Select(c => c.ToArray()).ToArray()),
            UserIds = userIds, ItemIds = itemIds, Items = Enumerable.Range(0, items).Select(b => new ItemInfo($"i{b}", null, [])).ToArray(),
            Context = Schema,
        };
    }

    /// <summary>Rows split at random into train (≈ 80 %) and test.</summary>
    public static (RatingTable Train, RatingTable Test) Split(RatingTable all, int seed)
    {
        var rng = new Random(seed);
        var isTest = Enumerable.Range(0, all.Count).Select(_ => rng.NextDouble() < 0.2).ToArray();
        return (all.Where(r => !isTest[r]), all.Where(r => isTest[r]));
    }
}
