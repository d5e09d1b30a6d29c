using System.Net;
using System.Text.Json;
using RecCourse.Cli.Commands;
using RecCourse.Data;
using RecCourse.Tests.Data;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Cli;

public class DataCommandTests
{
    private static JsonElement LastJsonLine(string output) =>
        JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]).RootElement;

    [Fact]
    public void Synth_then_info_agrees_with_the_generator_settings()
    {
        using var dir = new TempDir();
        var o = new SyntheticOptions { Seed = 7 };
        var (synthOut, synthErr) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, DataCommand.Synth(dir.Path, o.Seed, synthOut, synthErr));
        Assert.Contains("planted context effect", synthOut.ToString());

        var (infoOut, infoErr) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, DataCommand.Info(dir.Path, json: true, infoOut, infoErr));
        var j = LastJsonLine(infoOut.ToString());
        Assert.Equal("synthetic", j.GetProperty("format").GetString());
        Assert.Equal(o.NumRatings, j.GetProperty("ratings").GetInt32());
        Assert.Equal(o.NumUsers, j.GetProperty("users").GetInt32());
        Assert.Equal(o.NumItems, j.GetProperty("items").GetInt32());
        Assert.Equal(o.Seed, j.GetProperty("seed").GetInt32());
        Approx.AssertClose(1, j.GetProperty("ratingMin").GetDouble(), 0, 0);
        Approx.AssertClose(5, j.GetProperty("ratingMax").GetDouble(), 0, 0);
        Approx.AssertClose(o.NumRatings / ((double)o.NumUsers * o.NumItems), j.GetProperty("density").GetDouble(), 1e-4, 0);
        Assert.Contains("ratings", infoOut.ToString().Split('\n')[0..^2].Aggregate("", (a, b) => a + b)); // the human table came first
    }

    [Fact]
    public void Info_on_an_unknown_folder_fails_with_what_to_run()
    {
        using var dir = new TempDir();
        var err = new StringWriter();
        Assert.Equal(2, DataCommand.Info(dir.Path, json: true, new StringWriter(), err));
        Assert.Contains(MovieLens100k.DownloadCommand, err.ToString());
    }

    [Fact]
    public void Info_reports_a_malformed_file_with_its_line()
    {
        using var dir = new TempDir();
        dir.File("u.item", "1|A (1995)|01-Jan-1995||x|" + string.Join("|", Enumerable.Repeat("0", 19)) + "\n");
        dir.File("u.user", "1|20|M|other|00000\n");
        dir.File("u.data", "1\t1\t5\t1\n1\t1\tx\t2\n");
        var err = new StringWriter();
        Assert.Equal(1, DataCommand.Info(dir.Path, json: false, new StringWriter(), err));
        Assert.Contains("u.data:2", err.ToString());
    }

    [Fact]
    public void Download_offline_explains_the_fallback()
    {
        using var dir = new TempDir();
        var err = new StringWriter();
        int code = DataCommand.Download("ml-100k", dir.Path, new ThrowingHandler(), new StringWriter(), err);
        Assert.Equal(1, code);
        Assert.Contains(DownloadableDataset.MovieLens100k.Url.ToString(), err.ToString());
        Assert.Contains("synthetic", err.ToString());
        Assert.Equal(2, DataCommand.Download("ml-25m", dir.Path, new ThrowingHandler(), new StringWriter(), new StringWriter()));
    }

    [Ml100kFact]
    public void Info_on_real_ml100k_reports_the_published_counts()
    {
        var output = new StringWriter();
        Assert.Equal(0, DataCommand.Info(Ml100kFactAttribute.Ml100kDir!, json: true, output, new StringWriter()));
        var j = LastJsonLine(output.ToString());
        Assert.Equal("ml-100k", j.GetProperty("format").GetString());
        Assert.Equal(100_000, j.GetProperty("ratings").GetInt32());
        Assert.Equal(943, j.GetProperty("users").GetInt32());
        Assert.Equal(1682, j.GetProperty("items").GetInt32());
    }

    private sealed class ThrowingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("offline", null, HttpStatusCode.ServiceUnavailable);
    }
}
