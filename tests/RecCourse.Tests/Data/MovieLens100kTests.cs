using RecCourse.Data;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Data;

public class MovieLens100kTests
{
    private static readonly string Flags0 = string.Join("|", Enumerable.Repeat("0", 19));

    /// <summary>A tiny ml-100k folder: 3 users (with a leading blank line, as in the real u.user), 3 items, 4 ratings.</summary>
    private static TempDir Tiny(string? data = null, string? users = null, string? items = null)
    {
        var d = new TempDir();
        d.File("u.user", users ?? "\n2|53|F|other|94043\n1|24|M|technician|85711\n3|23|M|writer|32067\n\n");
        string actionComedy = "0|1|0|0|0|1|" + string.Join("|", Enumerable.Repeat("0", 13));
        d.File("u.item", items ??
            $"1|Toy Story (1995)|01-Jan-1995||http://x|{Flags0}\n" +
            $"3|Caf\u00e9 (1971)|4-Feb-1971||http://x|{actionComedy}\n" +
            $"2|unknown||||{Flags0}\n");
        d.File("u.data", data ?? "1\t1\t5\t881250949\n3\t2\t3\t891717742\n\n2\t3\t1\t878887116\n1\t3\t4\t878887117\n");
        d.File("u1.base", "1\t1\t5\t881250949\n3\t2\t3\t891717742\n2\t3\t1\t878887116\n");
        d.File("u1.test", "1\t3\t4\t878887117\n");
        return d;
    }

    [Fact]
    public void Reads_users_items_and_ratings_with_dense_indices_by_numeric_id()
    {
        using var d = Tiny();
        var ds = MovieLens100k.Load(d.Path);
        Assert.Equal("ml-100k", ds.Format);
        Assert.Equal(3, ds.NumUsers); Assert.Equal(3, ds.NumItems); Assert.Equal(4, ds.Ratings.Count);
        Assert.Equal(["1", "2", "3"], ds.UserIds.Ids);
        Assert.Equal(["1", "2", "3"], ds.ItemIds.Ids);
        Assert.Equal(new UserInfo(24, "M", "technician", "85711"), ds.Users![0]);
        Assert.Equal("F", ds.Users[1].Gender);
        Assert.Equal(1995, ds.Items[0].Year);
        Assert.Null(ds.Items[1].Year); // "unknown" has no date and no year in its title
        Assert.Equal("Caf\u00e9 (1971)", ds.Items[2].Title); // Latin-1
        Assert.Equal(1971, ds.Items[2].Year);
        Assert.Equal([1, 5], ds.Items[2].Genres);
        Assert.Equal("Action", ds.GenreNames[1]);
        Assert.Equal([0, 2, 1, 0], ds.Ratings.Users);
        Assert.Equal([0, 1, 2, 2], ds.Ratings.Items);
        Assert.Equal([5f, 3f, 1f, 4f], ds.Ratings.Values);
        Assert.Equal(878887117L, ds.Ratings.Timestamps[3]);
        Assert.Null(ds.Ratings.Context);
    }

    [Fact]
    public void LoadSplit_shares_the_full_index()
    {
        using var d = Tiny();
        var (train, test) = MovieLens100k.LoadSplit(d.Path, "u1");
        Assert.Equal(3, train.Ratings.Count);
        Assert.Single(test.Ratings.Users);
        Assert.Equal(0, test.Ratings.Users[0]);
        Assert.Equal(2, test.Ratings.Items[0]);
        Assert.Same(train.ItemIds, test.ItemIds);
        Assert.Equal(3, test.NumItems);
    }

    [Fact]
    public void Malformed_rating_names_file_line_and_field()
    {
        using var d = Tiny(data: "1\t1\t5\t881250949\n1\t2\tfive\t881250949\n");
        var e = Assert.Throws<DataFormatException>(() => MovieLens100k.Load(d.Path));
        Assert.Equal(2, e.LineNumber);
        Assert.Equal("rating", e.Field);
        Assert.EndsWith("u.data", e.FilePath);
        Assert.Contains("u.data:2", e.Message);
        Assert.Contains("five", e.Message);
    }

    [Fact]
    public void Missing_field_count_and_unknown_ids_are_reported()
    {
        using (var d = Tiny(data: "1\t1\t5\n"))
        {
            var e = Assert.Throws<DataFormatException>(() => MovieLens100k.Load(d.Path));
            Assert.Equal("timestamp", e.Field);
            Assert.Contains("expected 4", e.Message);
        }
        using (var d = Tiny(data: "1\t9\t5\t1\n"))
        {
            var e = Assert.Throws<DataFormatException>(() => MovieLens100k.Load(d.Path));
            Assert.Equal("item id", e.Field);
        }
        using (var d = Tiny(users: "\n1|24|X|technician|85711\n"))
        {
            var e = Assert.Throws<DataFormatException>(() => MovieLens100k.Load(d.Path));
            Assert.Equal(2, e.LineNumber); // the blank first line still counts
            Assert.Equal("gender", e.Field);
        }
        using (var d = Tiny(items: $"1|Toy Story (1995)|1995-01-01||http://x|{Flags0}\n"))
        {
            var e = Assert.Throws<DataFormatException>(() => MovieLens100k.Load(d.Path));
            Assert.Equal("release date", e.Field);
        }
    }

    [Fact]
    public void Context_file_is_read_per_pair_and_checked()
    {
        using var d = Tiny();
        d.File("u.context", "#dimension\tTime\tWeekday,Weekend\n1\t1\tWeekend\n3\t2\tWeekday\n2\t3\tWeekday\n1\t3\tWeekend\n");
        var ds = MovieLens100k.Load(d.Path);
        Assert.Equal(new[] { "Time" }, ds.Context!.Dimensions);
        Assert.Equal([1, 0, 0, 1], ds.Ratings.Context![0]);
        var (_, test) = MovieLens100k.LoadSplit(d.Path, "u1");
        Assert.Equal([1], test.Ratings.Context![0]);
        d.File("u.context", "#dimension\tTime\tWeekday,Weekend\n1\t1\tSunday\n");
        var e = Assert.Throws<DataFormatException>(() => MovieLens100k.Load(d.Path));
        Assert.Equal("Time", e.Field);
        Assert.Equal(2, e.LineNumber);
        d.File("u.context", "#dimension\tTime\tWeekday,Weekend\n1\t1\tWeekend\n");
        Assert.Contains("no context for user 3", Assert.Throws<DataFormatException>(() => MovieLens100k.Load(d.Path)).Message);
    }

    [Fact]
    public void Missing_folder_or_file_says_what_to_run()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => MovieLens100k.Load(Path.Combine(Path.GetTempPath(), "no-such-ml-" + Guid.NewGuid())));
        Assert.Contains(MovieLens100k.DownloadCommand, e.Message);
        Assert.Contains("synthetic", e.Message);
        using var d = new TempDir();
        d.File("u.item", "");
        var f = Assert.Throws<FileNotFoundException>(() => MovieLens100k.Load(d.Path));
        Assert.Contains("u.user", f.Message);
        Assert.Contains(MovieLens100k.DownloadCommand, f.Message);
    }

    [Ml100kFact]
    public void Real_ml100k_has_the_published_counts_and_id_order()
    {
        string dir = Ml100kFactAttribute.Ml100kDir!;
        var ds = MovieLens100k.Load(dir);
        Assert.Equal(100_000, ds.Ratings.Count);
        Assert.Equal(943, ds.NumUsers);
        Assert.Equal(1682, ds.NumItems);
        for (int u = 0; u < ds.NumUsers; u++) Assert.Equal((u + 1).ToString(), ds.UserIds.IdAt(u));
        for (int i = 0; i < ds.NumItems; i++) Assert.Equal((i + 1).ToString(), ds.ItemIds.IdAt(i));
        Assert.Equal("Toy Story (1995)", ds.Items[0].Title);
        Assert.Equal([3, 4, 5], ds.Items[0].Genres); // Animation, Children's, Comedy
        Assert.Equal(new UserInfo(24, "M", "technician", "85711"), ds.Users![0]);
        // First line of u.data: 196 242 3 881250949
        Assert.Equal(195, ds.Ratings.Users[0]); Assert.Equal(241, ds.Ratings.Items[0]);
        Approx.AssertClose(3.52986, ds.Ratings.Mean(), 0, 1e-5, "mean rating");
        var (train, test) = MovieLens100k.LoadSplit(dir, "u1");
        Assert.Equal(80_000, train.Ratings.Count);
        Assert.Equal(20_000, test.Ratings.Count);
        Assert.Same(train.UserIds, test.UserIds);
    }
}
