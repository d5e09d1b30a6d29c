using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using RecCourse.Data;

namespace RecCourse.Tests.Data;

public class DataDownloaderTests
{
    /// <summary>Answers every request with a fixed response, or throws as an offline machine would.</summary>
    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(answer(request));
        }
    }

    private static byte[] MakeZip()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("tiny/u.data", "1\t1\t5\t1\n"), ("tiny/README", "test") })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }
        }
        return ms.ToArray();
    }

    private static DownloadableDataset Tiny(byte[] zip, string? sha = null) =>
        new("tiny", new Uri("https://example.invalid/tiny.zip"), sha ?? Convert.ToHexStringLower(SHA256.HashData(zip)), "tiny");

    [Fact]
    public void Downloads_verifies_and_unpacks_then_reuses_the_cached_zip()
    {
        var bytes = MakeZip();
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) });
        using var dir = new TempDir();
        var folder = new DataDownloader(handler).Download(Tiny(bytes), dir.Path);
        Assert.Equal(Path.Combine(dir.Path, "tiny"), folder);
        Assert.Equal("1\t1\t5\t1\n", File.ReadAllText(Path.Combine(folder, "u.data")));
        Assert.Equal(1, handler.Calls);
        new DataDownloader(handler).Download(Tiny(bytes), dir.Path);
        Assert.Equal(1, handler.Calls); // the verified zip was reused
    }

    [Fact]
    public void A_checksum_mismatch_names_url_expected_hash_and_fallback()
    {
        var bytes = MakeZip();
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) });
        using var dir = new TempDir();
        string wrong = new('0', 64);
        var e = Assert.Throws<DataDownloadException>(() => new DataDownloader(handler).Download(Tiny(bytes, wrong), dir.Path));
        Assert.Contains("https://example.invalid/tiny.zip", e.Message);
        Assert.Contains(wrong, e.Message);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(bytes)), e.Message);
        Assert.Contains("synthetic", e.Message);
        Assert.False(File.Exists(Path.Combine(dir.Path, "tiny.zip")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "tiny")));
    }

    [Fact]
    public void Offline_gives_a_clear_error()
    {
        var handler = new StubHandler(_ => throw new HttpRequestException("Name or service not known"));
        using var dir = new TempDir();
        var ml = DownloadableDataset.MovieLens100k;
        var e = Assert.Throws<DataDownloadException>(() => new DataDownloader(handler).Download(ml, dir.Path));
        Assert.Contains(ml.Url.ToString(), e.Message);
        Assert.Contains("50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3e7cd717c0a3d1f", e.Message);
        Assert.Contains("synthetic", e.Message);
        Assert.Equal(ml.Url, e.Url);
        Assert.Empty(Directory.GetFiles(dir.Path)); // no partial file left behind
    }

    [Fact]
    public void Http_errors_and_unknown_names_are_reported()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound));
        using var dir = new TempDir();
        var e = Assert.Throws<DataDownloadException>(() => new DataDownloader(handler).Download(Tiny([1, 2, 3]), dir.Path));
        Assert.Contains("404", e.Message);
        Assert.Contains("ml-latest-small", Assert.Throws<ArgumentException>(() => DownloadableDataset.Get("ml-1m")).Message);
    }
}
