using RecCourse.Data;

namespace RecCourse.Tests.Models;

/// <summary>A small synthetic data set with planted truth, shared by the model tests (generated once).</summary>
internal static class SmallSynthetic
{
    private static readonly Lazy<RecDataset> _data = new(() => SyntheticMovieLens.Generate(new SyntheticOptions
    {
        Seed = 7, NumUsers = 300, NumItems = 240, NumRatings = 18_000, MinRatingsPerUser = 20, NoiseStd = 0.4,
    }));

    // Implicit tests want choices driven by preference more than by popularity.
    private static readonly Lazy<RecDataset> _implicit = new(() => SyntheticMovieLens.Generate(new SyntheticOptions
    {
        Seed = 8, NumUsers = 300, NumItems = 240, NumRatings = 15_000, MinRatingsPerUser = 20, ChoiceAffinity = 3, PopularityExponent = 0.5,
    }));

    public static RecDataset Data => _data.Value;

    /// <summary>Interactions chosen mostly by planted preference (ChoiceAffinity 3, flat popularity).</summary>
    public static RecDataset Implicit => _implicit.Value;

    /// <summary>A fixed random 80/20 split of the ratings (row indices kept for the truth lookup).</summary>
    public static (RatingTable Train, RatingTable Test, int[] TestRows) Split()
    {
        var r = Data.Ratings;
        var rng = new Random(3);
        var rows = Enumerable.Range(0, r.Count).ToArray();
        rng.Shuffle(rows);
        int nt = r.Count / 5;
        var test = rows[..nt].Order().ToArray();
        var train = rows[nt..].Order().ToArray();
        return (r.Subset(train), r.Subset(test), test);
    }

    /// <summary>Pearson correlation in float64.</summary>
    public static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        MathNet.Numerics.Statistics.Correlation.Pearson(x, y);
}
