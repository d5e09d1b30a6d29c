using RecCourse.Data;

namespace RecCourse.Tests.Data;

public class MovieLensLatestSmallTests
{
    private static TempDir Folder(string? ratings = null, string? movies = null)
    {
        var d = new TempDir();
        File.WriteAllText(Path.Combine(d.Path, "movies.csv"), movies ??
            "movieId,title,genres\n" +
            "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n" +
            "11,\"American President, The (1995)\",Comedy|Drama|Romance\n" +
            "5,\"Babylon 5\",(no genres listed)\n" +
            "7,\"Say \"\"Hi\"\" (2001) \",Comedy\n");
        File.WriteAllText(Path.Combine(d.Path, "ratings.csv"), ratings ??
            "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,11,3.5,964981247\n\n3,5,0.5,964982224\n");
        return d;
    }

    [Fact]
    public void Reads_quoted_titles_years_and_genres()
    {
        using var d = Folder();
        Assert.Equal("ml-latest-small", DataFolder.DetectFormat(d.Path));
        var ds = MovieLensLatestSmall.Load(d.Path);
        Assert.Equal(4, ds.NumItems);
        Assert.Equal(["1", "5", "7", "11"], ds.ItemIds.Ids);
        Assert.Equal("American President, The (1995)", ds.Items[3].Title);
        Assert.Equal(1995, ds.Items[3].Year);
        Assert.Null(ds.Items[1].Year);
        Assert.Empty(ds.Items[1].Genres);
        Assert.Equal("Say \"Hi\" (2001) ", ds.Items[2].Title);
        Assert.Equal(2001, ds.Items[2].Year);
        Assert.Equal(["Adventure", "Animation", "Children", "Comedy", "Drama", "Fantasy", "Romance"], ds.GenreNames);
        Assert.Equal(["Comedy", "Drama", "Romance"], ds.Items[3].Genres.Select(g => ds.GenreNames[g]));
        Assert.Equal(3, ds.Ratings.Count);
        Assert.Equal(2, ds.NumUsers);
        Assert.Equal([0, 0, 1], ds.Ratings.Users);
        Assert.Equal([0, 3, 1], ds.Ratings.Items);
        Assert.Equal([4f, 3.5f, 0.5f], ds.Ratings.Values);
        Assert.Null(ds.Users);
    }

    [Fact]
    public void Bad_rows_name_file_line_and_field()
    {
        using (var d = Folder(ratings: "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,11,good,964981247\n"))
        {
            var e = Assert.Throws<DataFormatException>(() => MovieLensLatestSmall.Load(d.Path));
            Assert.Equal(3, e.LineNumber);
            Assert.Equal("rating", e.Field);
            Assert.EndsWith("ratings.csv", e.FilePath);
        }
        using (var d = Folder(ratings: "userId,movieId,rating,timestamp\n1,99,4.0,964982703\n"))
        {
            var e = Assert.Throws<DataFormatException>(() => MovieLensLatestSmall.Load(d.Path));
            Assert.Equal("movieId", e.Field);
        }
        using (var d = Folder(ratings: "userId,movieId,stars,timestamp\n1,1,4.0,964982703\n"))
        {
            var e = Assert.Throws<DataFormatException>(() => MovieLensLatestSmall.Load(d.Path));
            Assert.Equal("rating", e.Field);
            Assert.Equal(1, e.LineNumber);
        }
        using (var d = Folder(ratings: "userId,movieId,rating,timestamp\n1,1,4.0\n"))
            Assert.Throws<DataFormatException>(() => MovieLensLatestSmall.Load(d.Path));
    }

    [Fact]
    public void Missing_files_say_what_to_run()
    {
        using var d = new TempDir();
        var e = Assert.Throws<FileNotFoundException>(() => MovieLensLatestSmall.Load(d.Path));
        Assert.Contains(MovieLensLatestSmall.DownloadCommand, e.Message);
    }
}
