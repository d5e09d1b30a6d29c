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
