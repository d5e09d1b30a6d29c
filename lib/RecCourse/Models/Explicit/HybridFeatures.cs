using RecCourse.Data;

namespace RecCourse.Models;

/// <summary>
/// The dense metadata the hybrid model reads for a (user, item) pair, laid out as one vector:
/// [genre flags (one per genre) | release year scaled as (year − 1900)/100 | user age/100 |
/// gender (1 = M)], plus each user's occupation index for an embedding. Missing years use the mean
/// year; data sets without demographics give age 0, gender 0, occupation 0.
/// </summary>
public sealed class HybridFeatures
{
    private readonly float[] _item, _user;

    private HybridFeatures(string[] names, float[] item, int itemWidth, float[] user, int userWidth, int[] occupation, int numOccupations)
    {
        FeatureNames = names; _item = item; ItemWidth = itemWidth; _user = user; UserWidth = userWidth;
        Occupation = occupation; NumOccupations = numOccupations;
    }

    /// <summary>Names of the dense features, in vector order (genre names, "year", "age", "gender").</summary>
    public IReadOnlyList<string> FeatureNames { get; }
    public int FeatureCount => ItemWidth + UserWidth;
    public int ItemWidth { get; }
    public int UserWidth { get; }
    public int NumUsers => Occupation.Length;
    public int NumItems => _item.Length / ItemWidth;
    /// <summary>Occupation index of each user, in [0, <see cref="NumOccupations"/>).</summary>
    public int[] Occupation { get; }
    public int NumOccupations { get; }

    /// <summary>Writes the pair's dense feature vector (length <see cref="FeatureCount"/>).</summary>
    public void Fill(int user, int item, Span<float> features)
    {
        if (features.Length != FeatureCount) throw new ArgumentException($"features has length {features.Length}, expected {FeatureCount}", nameof(features));
        _item.AsSpan(item * ItemWidth, ItemWidth).CopyTo(features);
        _user.AsSpan(user * UserWidth, UserWidth).CopyTo(features[ItemWidth..]);
    }

    /// <summary>Writes the user's demographic features (length <see cref="UserWidth"/>: age/100, gender).</summary>
    public void FillUser(int user, Span<float> features)
    {
        if (features.Length != UserWidth) throw new ArgumentException($"features has length {features.Length}, expected {UserWidth}", nameof(features));
        _user.AsSpan(user * UserWidth, UserWidth).CopyTo(features);
    }

    /// <summary>Builds the features from a data set's item and user metadata.</summary>
    public static HybridFeatures FromDataset(RecDataset data)
    {
        int g = data.GenreNames.Length;
        int itemWidth = g + 1;
        var item = new float[data.NumItems * itemWidth];
        var years = data.Items.Where(i => i.Year is not null).Select(i => (double)i.Year!.Value).ToList();
        double meanYear = years.Count > 0 ? years.Average() : 1990;
        for (int i = 0; i < data.NumItems; i++)
        {
            var info = data.Items[i];
            foreach (int genre in info.Genres)
            {
                if ((uint)genre >= (uint)g) throw new ArgumentException($"item {i} ('{info.Title}') has genre index {genre} outside [0, {g})", nameof(data));
                item[i * itemWidth + genre] = 1;
            }
            item[i * itemWidth + g] = (float)(((info.Year ?? meanYear) - 1900) / 100);
        }
        const int userWidth = 2;
        var user = new float[data.NumUsers * userWidth];
        var occ = new int[data.NumUsers];
        var occIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        if (data.Users is { } users)
            for (int u = 0; u < data.NumUsers; u++)
            {
                user[u * userWidth] = users[u].Age / 100f;
                user[u * userWidth + 1] = users[u].Gender == "M" ? 1 : 0;
                occ[u] = occIndex.TryGetValue(users[u].Occupation, out int o) ? o : occIndex[users[u].Occupation] = occIndex.Count;
            }
        string[] names = [.. data.GenreNames, "year", "age", "gender"];
        return new HybridFeatures(names, item, itemWidth, user, userWidth, occ, Math.Max(1, occIndex.Count));
    }
}
