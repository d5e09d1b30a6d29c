namespace RecCourse.Data;

/// <summary>
/// A data set the kit can fetch: where from, its expected SHA-256 (lower-case hex; null when the
/// publisher's file is not pinned), and the folder its zip unpacks to.
/// </summary>
public sealed record DownloadableDataset(string Name, Uri Url, string? Sha256, string FolderName)
{
    /// <summary>GroupLens MovieLens 100k (4.9 MB zip; unpacks to ml-100k/).</summary>
    public static DownloadableDataset MovieLens100k { get; } = new("ml-100k",
        new Uri("https://files.grouplens.org/datasets/movielens/ml-100k.zip"),
        "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3e7cd717c0a3d1f", "ml-100k");

    /// <summary>
    /// GroupLens MovieLens latest-small (unpacks to ml-latest-small/). GroupLens may refresh this
    /// "latest" file, so its checksum is not pinned: the download prints the SHA-256 it got.
    /// </summary>
    public static DownloadableDataset MovieLensLatestSmall { get; } = new("ml-latest-small",
        new Uri("https://files.grouplens.org/datasets/movielens/ml-latest-small.zip"), null, "ml-latest-small");

    public static IReadOnlyList<DownloadableDataset> All { get; } = [MovieLens100k, MovieLensLatestSmall];

    /// <summary>The data set called <paramref name="name"/>; throws listing the known names otherwise.</summary>
    public static DownloadableDataset Get(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown data set '{name}'. Known: {string.Join(", ", All.Select(d => d.Name))}.", nameof(name));
}
