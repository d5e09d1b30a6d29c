using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Tests.Fairness;

/// <summary>The default synthetic set, a seeded 80/20 split and explicit ALS trained on it, built once for the planted-truth tests.</summary>
public sealed class SyntheticAuditFixture
{
    public SyntheticAuditFixture()
    {
        Data = SyntheticMovieLens.Generate(42);
        var rows = Enumerable.Range(0, Data.Ratings.Count).ToArray();
        new Random(0).Shuffle(rows);
        int cut = rows.Length * 4 / 5;
        Train = Data.Ratings.Subset(rows.AsSpan(0, cut));
        Test = Data.Ratings.Subset(rows.AsSpan(cut));
        Als = new ExplicitAls(Data.NumUsers, Data.NumItems,
            new AlsOptions { Factors = 20, Biases = true, Lambda = 0.1, Iterations = 10, MinRating = 1, MaxRating = 5 }).Fit(Train);
    }

    public RecDataset Data { get; }
    public RatingTable Train { get; }
    public RatingTable Test { get; }
    public ExplicitAls Als { get; }

    public IReadOnlyList<(string Name, Func<int, bool> Items)> Genres =>
        Enumerable.Range(1, Data.GenreNames.Length - 1)
            .Select(g => (Data.GenreNames[g], (Func<int, bool>)(i => Data.Items[i].Genres.Contains(g)))).ToList();
}
