namespace RecCourse.Data;

/// <summary>
/// Settings of <see cref="SyntheticMovieLens.Generate(SyntheticOptions?)"/>. The defaults give a
/// MovieLens-100k-shaped set: 1000 users, 1700 items, exactly 100 000 ratings of 1–5 stars over one
/// year. The same options give bit-identical data on every machine.
/// </summary>
public sealed record SyntheticOptions
{
    public int Seed { get; init; } = 42;
    public int NumUsers { get; init; } = 1000;
    public int NumItems { get; init; } = 1700;
    /// <summary>Exact number of ratings (each user rates at least <see cref="MinRatingsPerUser"/> distinct items).</summary>
    public int NumRatings { get; init; } = 100_000;
    public int MinRatingsPerUser { get; init; } = 20;
    /// <summary>Dimension d of the planted latent user/item factors.</summary>
    public int Factors { get; init; } = 8;
    /// <summary>Standard deviation of the Gaussian noise added before rounding to stars.</summary>
    public double NoiseStd { get; init; } = 0.6;
    /// <summary>Zipf exponent a of item popularity: the item of popularity rank r (0-based) is drawn ∝ (r + 10)^−a.</summary>
    public double PopularityExponent { get; init; } = 1.0;
    /// <summary>How strongly users pick items they like: choice weight ∝ popularity · exp(γ · preference).</summary>
    public double ChoiceAffinity { get; init; } = 2.0;
    /// <summary>Size (in stars, before rounding and clipping) of each item-specific planted context effect.</summary>
    public double ContextEffectSize { get; init; } = 1.0;
    /// <summary>How many items each item-specific context effect touches.</summary>
    public int ItemsPerContextEffect { get; init; } = 8;
    /// <summary>Size (stars) of the planted gender difference in genre preference.</summary>
    public double GroupEffectSize { get; init; } = 0.6;
    /// <summary>Unix seconds of the first possible rating (default 1997-09-20, as in ml-100k).</summary>
    public long StartTimestamp { get; init; } = 874_724_710;
    public int DurationDays { get; init; } = 365;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        static void Check(bool ok, string name, object value, string rule)
        {
            if (!ok) throw new ArgumentOutOfRangeException(name, value, $"SyntheticOptions.{name} {rule}.");
        }
        Check(NumUsers >= 1, nameof(NumUsers), NumUsers, "must be ≥ 1");
        Check(NumItems >= 30, nameof(NumItems), NumItems, "must be ≥ 30 (context effects need items)");
        Check(MinRatingsPerUser >= 1, nameof(MinRatingsPerUser), MinRatingsPerUser, "must be ≥ 1");
        Check(MinRatingsPerUser * 2 <= NumItems, nameof(MinRatingsPerUser), MinRatingsPerUser, "must be at most half of NumItems");
        Check((long)NumRatings >= (long)NumUsers * MinRatingsPerUser, nameof(NumRatings), NumRatings, $"must be ≥ NumUsers × MinRatingsPerUser = {(long)NumUsers * MinRatingsPerUser}");
        Check((long)NumRatings <= (long)NumUsers * NumItems / 2, nameof(NumRatings), NumRatings, "must be at most half of NumUsers × NumItems");
        Check(Factors >= 1, nameof(Factors), Factors, "must be ≥ 1");
        Check(NoiseStd >= 0, nameof(NoiseStd), NoiseStd, "must be ≥ 0");
        Check(PopularityExponent >= 0, nameof(PopularityExponent), PopularityExponent, "must be ≥ 0");
        Check(ItemsPerContextEffect >= 1 && ItemsPerContextEffect * 3 <= NumItems / 4, nameof(ItemsPerContextEffect), ItemsPerContextEffect, "must be ≥ 1 and leave room among the popular items");
        Check(DurationDays >= 1, nameof(DurationDays), DurationDays, "must be ≥ 1");
    }
}
