namespace RecCourse.Data;

/// <summary>
/// The planted ground truth behind a synthetic data set (see lib/RecCourse/Data/README.md). Every
/// rating was generated as
/// <c>clip(round(μ + b_u + b_i + p_u·q_i + Σ group effects + Σ context effects + ε), 1, 5)</c>
/// with ε ~ N(0, <see cref="NoiseStd"/>²). Arrays are indexed by dense user/item indices.
/// </summary>
public sealed class SyntheticTruth
{
    public required SyntheticOptions Options { get; init; }
    /// <summary>μ, the global offset before biases.</summary>
    public required double GlobalBias { get; init; }
    public double NoiseStd => Options.NoiseStd;
    /// <summary>p_u: NumUsers rows of <see cref="SyntheticOptions.Factors"/> values.</summary>
    public required double[][] UserFactors { get; init; }
    /// <summary>q_i: NumItems rows of d values; built from the item's genre factors plus noise.</summary>
    public required double[][] ItemFactors { get; init; }
    /// <summary>One row of d values per genre (row 0, "unknown", is zero): q_i = 0.5·Σ_g G_g/√|genres(i)| + 0.5·noise.</summary>
    public required double[][] GenreFactors { get; init; }
    public required double[] UserBias { get; init; }
    /// <summary>b_i; correlated with popularity (popular items are rated a little higher, as in MovieLens).</summary>
    public required double[] ItemBias { get; init; }
    /// <summary>Design popularity of each item (sums to 1): ∝ (rank + 10)^−a.</summary>
    public required double[] ItemPopularity { get; init; }
    /// <summary>Design popularity rank of each item (0 = most popular).</summary>
    public required int[] PopularityRank { get; init; }
    public required IReadOnlyList<GroupEffect> GroupEffects { get; init; }
    public required IReadOnlyList<ContextEffect> ContextEffects { get; init; }
    /// <summary>
    /// The noiseless value (before ε, rounding and clipping) of each generated rating, row-aligned
    /// with the generated <see cref="RatingTable"/> only (not with splits of it, which carry the same
    /// Truth: use <see cref="ExpectedRating"/> with the split's rows there).
    /// </summary>
    public required double[] ExpectedRatings { get; init; }
    /// <summary>Users' demographics, as in the data set (used by group effects).</summary>
    public required IReadOnlyList<UserInfo> Users { get; init; }
    /// <summary>Each item's genre indices, as in the data set.</summary>
    public required IReadOnlyList<int[]> ItemGenres { get; init; }

    // Lookup tables built on first use: simulations call Preference millions of times.
    private ulong[]? _itemGenreMask;
    private bool[][]? _groupApplies;

    /// <summary>p_u·q_i plus the group effects that apply: what drives both the rating and the choice of item.</summary>
    public double Preference(int user, int item)
    {
        double s = 0;
        var p = UserFactors[user]; var q = ItemFactors[item];
        for (int f = 0; f < p.Length; f++) s += p[f] * q[f];
        return s + GroupDelta(user, item);
    }

    /// <summary>The summed group effects for this user and item (0 when none applies).</summary>
    public double GroupDelta(int user, int item)
    {
        var masks = _itemGenreMask ??= [.. ItemGenres.Select(gs => gs.Aggregate(0UL, (m, g) => m | (1UL << g)))];
        var applies = _groupApplies ??= [.. GroupEffects.Select(g => Users.Select(g.AppliesTo).ToArray())];
        double s = 0;
        for (int e = 0; e < applies.Length; e++)
            if (applies[e][user] && (masks[item] >> GroupEffects[e].GenreIndex & 1) != 0) s += GroupEffects[e].Delta;
        return s;
    }

    /// <summary>The summed context effects for this item in this context (one condition index per dimension).</summary>
    public double ContextDelta(int item, ReadOnlySpan<int> context)
    {
        double s = 0;
        foreach (var e in ContextEffects)
            if (context[e.DimensionIndex] == e.ConditionIndex && Array.BinarySearch(e.Items, item) >= 0) s += e.Delta;
        return s;
    }

    /// <summary>The noiseless rating (before rounding and clipping) of <paramref name="item"/> by <paramref name="user"/> in <paramref name="context"/>.</summary>
    public double ExpectedRating(int user, int item, ReadOnlySpan<int> context) =>
        GlobalBias + UserBias[user] + ItemBias[item] + Preference(user, item) + ContextDelta(item, context);
}
