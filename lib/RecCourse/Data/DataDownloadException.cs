namespace RecCourse.Data;

/// <summary>
/// A download could not be completed or verified. The message names the URL, the expected
/// checksum and the synthetic fallback, so an offline student knows what still works.
/// </summary>
public sealed class DataDownloadException : Exception
{
    public DataDownloadException(Uri url, string? expectedSha256, string problem, Exception? inner = null)
        : base($"{problem} URL: {url}. Expected SHA-256: {expectedSha256 ?? "(not pinned)"}. " +
               "Without this download the notebooks use the built-in synthetic data set (DataSource.Load() falls back to it; " +
               "'reccourse data synth --out data/synth' writes it to disk).", inner)
    {
        Url = url; ExpectedSha256 = expectedSha256;
    }

    public Uri Url { get; }
    public string? ExpectedSha256 { get; }
}
