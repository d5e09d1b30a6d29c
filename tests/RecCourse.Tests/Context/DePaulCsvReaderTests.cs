using RecCourse.Context;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Context;

public sealed class DePaulCsvReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reccourse-depaul-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        string path = Path.Combine(_dir, $"f{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ReadsRatingsContextSchemaAndConditions()
    {
        var path = Write("userid,itemid,rating,Time,Location,Companion\n1001,tt01,4,Weekend,Home,Partner\n1002,tt01,2.5,Weekday,Cinema,Alone\n\n1001,tt02,5,Weekend,Cinema,Family\n");
        var data = DePaulCsvReader.Read(path);
        Assert.Equal("depaul", data.Format);
        Assert.Equal(new[] { "Time", "Location", "Companion" }, data.Context!.Dimensions);
        Assert.Equal(new[] { "Weekend", "Weekday" }, data.Context.Conditions[0]);
        Assert.Equal(new[] { "Home", "Cinema" }, data.Context.Conditions[1]);
        Assert.Equal(new[] { "Partner", "Alone", "Family" }, data.Context.Conditions[2]);
        Assert.Equal(3, data.Ratings.Count);
        Assert.Equal((2, 2), (data.NumUsers, data.NumItems));
        Assert.Equal(new[] { 0, 1, 0 }, data.Ratings.Users);
        Assert.Equal(new[] { 0, 0, 1 }, data.Ratings.Items);
        Approx.AssertClose(2.5, data.Ratings.Values[1], 0, 0, "rating");
        Assert.Equal(new[] { 0, 1, 1 }, data.Ratings.Context![1]);
        Assert.Equal(new[] { 0, 1, 2 }, data.Ratings.Context[2]);
        Assert.Equal("tt02", data.ItemIds.IdAt(1));
        Assert.Equal(data.NumItems, data.Items.Count);
    }

    [Fact]
    public void WriterAndReaderRoundTripTheSyntheticSet()
    {
        var data = RecCourse.Data.SyntheticMovieLens.Generate(new RecCourse.Data.SyntheticOptions { Seed = 3, NumUsers = 60, NumItems = 200, NumRatings = 3000, ItemsPerContextEffect = 2 });
        string path = Path.Combine(_dir, "synthetic.csv");
        DePaulCsvWriter.Write(data, path);
        var back = DePaulCsvReader.Read(path);
        Assert.Equal(data.Context!.Dimensions, back.Context!.Dimensions);
        Assert.Equal(data.Ratings.Count, back.Ratings.Count);
        for (int r = 0; r < data.Ratings.Count; r++)
        {
            Assert.Equal(data.UserIds.IdAt(data.Ratings.Users[r]), back.UserIds.IdAt(back.Ratings.Users[r]));
            Assert.Equal(data.ItemIds.IdAt(data.Ratings.Items[r]), back.ItemIds.IdAt(back.Ratings.Items[r]));
            Approx.AssertClose(data.Ratings.Values[r], back.Ratings.Values[r], 0, 0, $"rating {r}");
            for (int d = 0; d < 3; d++)
                Assert.Equal(data.Context.Conditions[d][data.Ratings.Context![d][r]], back.Context.Conditions[d][back.Ratings.Context![d][r]]);
        }
    }

    [Fact]
    public void NaIsAnUnknownConditionNotPartOfTheSchema()
    {
        var path = Write("userid,itemid,rating,Time,Location,Companion\n1123,tt1,2,NA,NA,NA\n1123,tt2,4,Weekend,Home,NA\n1124,tt1,5,Weekday,Cinema,Alone\n");
        var data = DePaulCsvReader.Read(path);
        Assert.Equal(new[] { "Weekend", "Weekday" }, data.Context!.Conditions[0]);
        Assert.Equal(new[] { "Home", "Cinema" }, data.Context.Conditions[1]);
        Assert.Equal(new[] { "Alone" }, data.Context.Conditions[2]);
        Assert.Equal(new[] { ContextCondition.Unknown, 0, 1 }, data.Ratings.Context![0]);
        Assert.Equal(new[] { ContextCondition.Unknown, 0, 1 }, data.Ratings.Context[1]);
        Assert.Equal(new[] { ContextCondition.Unknown, ContextCondition.Unknown, 0 }, data.Ratings.Context[2]);

        // CARSKit's reading: NA is a condition like any other.
        var asCondition = DePaulCsvReader.Read(path, missing: null);
        Assert.Equal(new[] { "NA", "Weekend", "Weekday" }, asCondition.Context!.Conditions[0]);
        Assert.Equal(new[] { 0, 0, 1 }, asCondition.Ratings.Context![2]);
    }

    [Fact]
    public void UnknownConditionsRoundTripAsNa()
    {
        var path = Write("u,i,rating,Time,Location\n1,a,3,NA,Home\n2,a,4,Weekend,NA\n2,b,1,Weekday,Cinema\n");
        var data = DePaulCsvReader.Read(path);
        string back = Path.Combine(_dir, "back.csv");
        DePaulCsvWriter.Write(data, back);
        Assert.Equal("user,item,rating,Time,Location\n1,a,3,NA,Home\n2,a,4,Weekend,NA\n2,b,1,Weekday,Cinema\n", File.ReadAllText(back).Replace("\r\n", "\n"));
        // A condition spelled like the marker could not be read back.
        var kept = DePaulCsvReader.Read(path, missing: null);
        Assert.Contains("marker", Assert.Throws<ArgumentException>(() => DePaulCsvWriter.Write(kept, Path.Combine(_dir, "kept.csv"))).Message);
    }

    [Fact]
    public void LoadNamesWhereToGetTheFileWhenItIsMissing()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => DePaulMovie.Load(_dir));
        Assert.Contains("CARSKit", ex.Message);
        Assert.Contains(DePaulMovie.EnvironmentVariable, ex.Message);
        File.WriteAllText(Path.Combine(_dir, DePaulMovie.FileName), "userid,itemid,rating,Time\n1,tt1,4,NA\n1,tt2,5,Weekend\n");
        var data = DePaulMovie.Load(_dir);
        Assert.Equal("DePaulMovie", data.Name);
        Assert.Equal(2, data.Ratings.Count);
    }

    [Fact]
    public void FindLooksInDataDepaulUpToTheRepositoryRoot()
    {
        string repo = Path.Combine(_dir, "repo"), deep = Path.Combine(repo, "notebooks", "sub");
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(repo, "RecCourse.sln"), "");
        // data/depaul above the repository root is not looked at.
        Directory.CreateDirectory(Path.Combine(_dir, "data", "depaul"));
        File.WriteAllText(Path.Combine(_dir, "data", "depaul", DePaulMovie.FileName), "u,i,rating,Time\n1,2,3,A\n");
        Assert.Null(DePaulMovie.Find(deep, environmentValue: null));
        string inRepo = Path.Combine(repo, "data", "depaul", DePaulMovie.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(inRepo)!);
        File.WriteAllText(inRepo, "u,i,rating,Time\n1,2,3,A\n");
        Assert.Equal(inRepo, DePaulMovie.Find(deep, environmentValue: null));
        // The environment variable wins, as a folder or as the file; a folder without the file is ignored.
        string elsewhere = Path.Combine(_dir, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        Assert.Equal(inRepo, DePaulMovie.Find(deep, elsewhere));
        File.WriteAllText(Path.Combine(elsewhere, DePaulMovie.FileName), "u,i,rating,Time\n1,2,3,A\n");
        Assert.Equal(Path.Combine(elsewhere, DePaulMovie.FileName), DePaulMovie.Find(deep, elsewhere));
        Assert.Equal(inRepo, DePaulMovie.Find(deep, inRepo));
    }

    /// <summary>The real file as CARSKit ships it: its documented shape, read with NA as unknown.</summary>
    [DePaulFact]
    public void ReadsDePaulMovieAsCarskitShipsIt()
    {
        string file = DePaulFactAttribute.RatingsFile!;
        Assert.Equal(file, DePaulMovie.Find());
        var data = DePaulMovie.Load(file);
        Assert.Equal((5043, 97, 79), (data.Ratings.Count, data.NumUsers, data.NumItems));
        Assert.Equal(new[] { "Time", "Location", "Companion" }, data.Context!.Dimensions);
        Assert.Equal(new[] { "Weekday", "Weekend" }, data.Context.Conditions[0].Order());
        Assert.Equal(new[] { "Cinema", "Home" }, data.Context.Conditions[1].Order());
        Assert.Equal(new[] { "Alone", "Family", "Partner" }, data.Context.Conditions[2].Order());
        var ctx = data.Ratings.Context!;
        int unknownAll = Enumerable.Range(0, data.Ratings.Count).Count(r => ctx.All(c => c[r] == ContextCondition.Unknown));
        int unknownAny = Enumerable.Range(0, data.Ratings.Count).Count(r => ctx.Any(c => c[r] == ContextCondition.Unknown));
        Assert.Equal(unknownAll, unknownAny);   // NA in all three columns or in none
        Assert.InRange(unknownAll / (double)data.Ratings.Count, 0.27, 0.31);
        Assert.All(data.Ratings.Values, v => Assert.True(v is >= 1 and <= 5 && v == MathF.Round(v), $"rating {v}"));
    }

    [Fact]
    public void WriterRefusesCommasItCannotQuote()
    {
        var data = CarsTestData.Generate(3, 3, 1, 1, (_, _, _) => 0);
        var bad = new RecCourse.Data.RecDataset
        {
            Name = "bad", Format = "synthetic", Ratings = data.Ratings, UserIds = data.UserIds, ItemIds = data.ItemIds, Items = data.Items,
            Context = new RecCourse.Data.ContextSchema(["Time", "Location", "Companion"], [["Weekday", "Weekend"], ["Home", "Cinema, IMAX"], ["Alone", "Family", "Partner"]]),
        };
        var ex = Assert.Throws<ArgumentException>(() => DePaulCsvWriter.Write(bad, Path.Combine(_dir, "bad.csv")));
        Assert.Contains("Cinema, IMAX", ex.Message);
    }

    [Theory]
    [InlineData("u,i,rating,Time\n1,2,4,Weekend\n1,3,x,Weekday\n", ":3:", "'rating'")]
    [InlineData("u,i,rating,Time\n1,2,4\n", ":2:", "3 fields, expected 4")]
    [InlineData("u,i,rating,Time\n1,2,4,Weekend\n1,2,4, \n", ":3:", "'Time'")]
    [InlineData("u,i,rating,Time\n", "", "no ratings")]
    public void MalformedLinesNameFileLineAndField(string text, string where, string what)
    {
        var path = Write(text);
        var ex = Assert.Throws<FormatException>(() => DePaulCsvReader.Read(path));
        Assert.Contains(path + where, ex.Message);
        Assert.Contains(what, ex.Message);
    }
}
