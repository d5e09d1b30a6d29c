namespace RecCourse.Data;

/// <summary>
/// The one data model every notebook uses: ratings with dense user/item indices, item and user
/// metadata aligned with those indices, the raw-id index both ways, and optional rating context.
/// </summary>
public sealed class RecDataset
{
    public required string Name { get; init; }
    /// <summary>"ml-100k", "ml-latest-small", "synthetic", "depaul", …</summary>
    public required string Format { get; init; }
    public required RatingTable Ratings { get; init; }
    public required IdIndex UserIds { get; init; }
    public required IdIndex ItemIds { get; init; }
    /// <summary>Item metadata, index-aligned with <see cref="ItemIds"/>.</summary>
    public required IReadOnlyList<ItemInfo> Items { get; init; }
    /// <summary>User demographics, index-aligned with <see cref="UserIds"/>; null when the source has none.</summary>
    public IReadOnlyList<UserInfo>? Users { get; init; }
    public string[] GenreNames { get; init; } = [];
    public ContextSchema? Context { get; init; }

    public int NumUsers => UserIds.Count;
    public int NumItems => ItemIds.Count;
    public double Density => NumUsers == 0 || NumItems == 0 ? 0 : (double)Ratings.Count / ((double)NumUsers * NumItems);

    /// <summary>The same users, items and metadata with other ratings (e.g. a split).</summary>
    public RecDataset WithRatings(RatingTable ratings, string? name = null) => new()
    {
        Name = name ?? Name, Format = Format, Ratings = ratings, UserIds = UserIds, ItemIds = ItemIds,
        Items = Items, Users = Users, GenreNames = GenreNames, Context = Context,
    };
}
