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
