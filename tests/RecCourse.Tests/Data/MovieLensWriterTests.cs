using RecCourse.Data;

namespace RecCourse.Tests.Data;

public class MovieLensWriterTests
{
    private static readonly SyntheticOptions Small = new() { NumUsers = 120, NumItems = 240, NumRatings = 4800, Seed = 7 };

    [Fact]
    public void Synthetic_set_round_trips_through_the_ml100k_files()
    {
        var g = SyntheticMovieLens.Generate(Small);
        using var dir = new TempDir();
        MovieLensWriter.Write(g, dir.Path);
        Assert.Equal("synthetic", DataFolder.DetectFormat(dir.Path));
        var back = MovieLens100k.Load(dir.Path);
        Assert.Equal("synthetic", back.Format);
        Assert.Equal(g.Name, back.Name);
        Assert.Equal(g.Ratings.Users, back.Ratings.Users);
        Assert.Equal(g.Ratings.Items, back.Ratings.Items);
        Assert.Equal(g.Ratings.Values, back.Ratings.Values);
        Assert.Equal(g.Ratings.Timestamps, back.Ratings.Timestamps);
        for (int d = 0; d < 3; d++) Assert.Equal(g.Ratings.Context![d], back.Ratings.Context![d]);
        Assert.Equal(g.Context!.Dimensions, back.Context!.Dimensions);
        for (int d = 0; d < 3; d++) Assert.Equal(g.Context.Conditions[d], back.Context.Conditions[d]);
        Assert.Equal(g.Users, back.Users);
        Assert.Equal(g.UserIds.Ids, back.UserIds.Ids);
        Assert.Equal(g.ItemIds.Ids, back.ItemIds.Ids);
        for (int i = 0; i < g.NumItems; i++)
        {
            Assert.Equal(g.Items[i].Title, back.Items[i].Title);
            Assert.Equal(g.Items[i].Year, back.Items[i].Year);
            Assert.Equal(g.Items[i].Genres, back.Items[i].Genres);
        }
        Assert.Equal(g.GenreNames, back.GenreNames);
        var marker = SyntheticMarker.TryRead(dir.Path)!;
        Assert.Equal(Small, marker.Options);
    }

    [Fact]
    public void Written_splits_partition_the_ratings_like_ml100k()
    {
        var g = SyntheticMovieLens.Generate(Small);
        using var dir = new TempDir();
        MovieLensWriter.Write(g, dir.Path);
        var tests = new List<HashSet<long>>();
        for (int f = 1; f <= 5; f++)
        {
            var (train, test) = MovieLens100k.LoadSplit(dir.Path, $"u{f}");
            Assert.Equal(g.Ratings.Count, train.Ratings.Count + test.Ratings.Count);
            Assert.InRange(test.Ratings.Count, g.Ratings.Count / 5 - 1, g.Ratings.Count / 5 + 1);
            Assert.NotNull(test.Ratings.Context); // contexts are found for split files too
            tests.Add(Keys(test.Ratings));
        }
        // The five test folds are disjoint and cover everything.
        Assert.Equal(g.Ratings.Count, tests.SelectMany(s => s).Distinct().Count());
        var (_, ua) = MovieLens100k.LoadSplit(dir.Path, "ua");
        var (_, ub) = MovieLens100k.LoadSplit(dir.Path, "ub");
        var perUser = ua.Ratings.Users.GroupBy(u => u).ToDictionary(x => x.Key, x => x.Count());
        Assert.Equal(g.NumUsers, perUser.Count);
        Assert.All(perUser.Values, c => Assert.Equal(10, c)); // every user has ≥ 20 ratings
        Assert.Empty(Keys(ua.Ratings).Intersect(Keys(ub.Ratings)));
    }

    [Fact]
    public void In_memory_named_splits_equal_the_written_files()
    {
        var g = SyntheticMovieLens.Generate(Small);
        using var dir = new TempDir();
        MovieLensWriter.Write(g, dir.Path);
        foreach (string split in new[] { "u1", "u4", "ua", "ub" })
        {
            var (fileTrain, fileTest) = MovieLens100k.LoadSplit(dir.Path, split);
            var (memTrain, memTest) = Splits.MovieLensStyle(g, split);
            Assert.Equal(fileTest.Ratings.Users, memTest.Ratings.Users);
            Assert.Equal(fileTest.Ratings.Items, memTest.Ratings.Items);
            Assert.Equal(fileTrain.Ratings.Items, memTrain.Ratings.Items);
        }
        var (srcTrain, _) = DataSource.Load("synthetic", Small).LoadSplit("u1");
        Assert.Equal(MovieLens100k.LoadSplit(dir.Path, "u1").Train.Ratings.Items, srcTrain.Ratings.Items);
        Assert.Throws<ArgumentException>(() => Splits.MovieLensStyle(g, "u9"));
    }

    private static HashSet<long> Keys(RatingTable t) =>
        [.. Enumerable.Range(0, t.Count).Select(k => ((long)t.Users[k] << 32) | (uint)t.Items[k])];
}
