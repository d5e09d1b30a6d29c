using System.IO.Compression;
using System.Security.Cryptography;

namespace RecCourse.Data;

/// <summary>
/// Fetches a MovieLens zip into the data cache (<c>data/</c>, git-ignored), checks its SHA-256 and
/// unpacks it. The HTTP handler is injectable so tests run without a network.
/// </summary>
public sealed class DataDownloader
{
    private readonly HttpClient _http;

    /// <param name="handler">The HTTP handler (a stub in tests); the default uses the system's.</param>
    public DataDownloader(HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = TimeSpan.FromMinutes(5);
    }

    /// <summary>
    /// Downloads <paramref name="dataset"/> into <paramref name="dataDir"/> unless a verified zip is
    /// already there, then unpacks it and returns the data folder (e.g. data/ml-100k).
    /// <paramref name="progress"/> gets the fraction downloaded (0–1) when the size is known.
    /// </summary>
    /// <exception cref="DataDownloadException">Offline, HTTP error, checksum mismatch or a broken zip.</exception>
    public async Task<string> DownloadAsync(DownloadableDataset dataset, string dataDir, IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(dataDir);
        string zip = Path.Combine(dataDir, dataset.Name + ".zip");
        if (!File.Exists(zip) || !Matches(Sha256Of(zip), dataset.Sha256))
        {
            string part = zip + ".part";
            try
            {
                using var response = await _http.GetAsync(dataset.Url, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                    throw new DataDownloadException(dataset.Url, dataset.Sha256, $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                long? total = response.Content.Headers.ContentLength;
                await using (var source = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false))
                await using (var target = File.Create(part))
                {
                    var buffer = new byte[81920];
                    long done = 0; int n;
                    while ((n = await source.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
                    {
                        await target.WriteAsync(buffer.AsMemory(0, n), cancel).ConfigureAwait(false);
                        done += n;
                        if (total > 0) progress?.Report(Math.Min(1, done / (double)total.Value));
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                TryDelete(part);
                throw new DataDownloadException(dataset.Url, dataset.Sha256, $"Could not download {dataset.Name} ({e.Message}); are you offline?", e);
            }
            File.Move(part, zip, overwrite: true);
        }
        return VerifyAndExtract(zip, dataset, dataDir);
    }

    /// <summary>Synchronous <see cref="DownloadAsync"/> for the command line and notebooks.</summary>
    public string Download(DownloadableDataset dataset, string dataDir, IProgress<double>? progress = null) =>
        DownloadAsync(dataset, dataDir, progress).GetAwaiter().GetResult();

    /// <summary>
    /// Checks <paramref name="zip"/> against <see cref="DownloadableDataset.Sha256"/> (skipped when
    /// null) and unpacks it into <paramref name="dataDir"/>; returns dataDir/FolderName. A mismatching
    /// zip is deleted so the next attempt downloads afresh.
    /// </summary>
    public static string VerifyAndExtract(string zip, DownloadableDataset dataset, string dataDir)
    {
        string actual = Sha256Of(zip);
        if (!Matches(actual, dataset.Sha256))
        {
            TryDelete(zip);
            throw new DataDownloadException(dataset.Url, dataset.Sha256,
                $"Checksum mismatch for {Path.GetFileName(zip)}: got SHA-256 {actual}. The file was deleted; it may be truncated or changed upstream.");
        }
        try
        {
            ZipFile.ExtractToDirectory(zip, dataDir, overwriteFiles: true);
        }
        catch (InvalidDataException e)
        {
            throw new DataDownloadException(dataset.Url, dataset.Sha256, $"{zip} is not a valid zip file ({e.Message}).", e);
        }
        string folder = Path.Combine(dataDir, dataset.FolderName);
        if (!Directory.Exists(folder))
            throw new DataDownloadException(dataset.Url, dataset.Sha256, $"{zip} unpacked, but without the expected folder '{dataset.FolderName}/'.");
        return folder;
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static bool Matches(string actual, string? expected) =>
        expected is null || string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
