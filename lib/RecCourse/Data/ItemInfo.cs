namespace RecCourse.Data;

/// <summary>Item metadata. <paramref name="Genres"/> holds indices into <see cref="RecDataset.GenreNames"/>.</summary>
public sealed record ItemInfo(string Title, int? Year, int[] Genres);
