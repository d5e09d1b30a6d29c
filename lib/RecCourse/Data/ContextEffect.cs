namespace RecCourse.Data;

/// <summary>
/// A planted context effect: ratings of the items in <paramref name="Items"/> given in context
/// condition <paramref name="Condition"/> of dimension <paramref name="Dimension"/> are
/// <paramref name="Delta"/> stars higher (lower when negative) than in the other conditions, before
/// rounding and clipping to 1–5 (clipping shrinks the visible effect a little near the ends).
/// </summary>
/// <param name="Genre">Set when the effect is planted on a whole genre (then <paramref name="Items"/> are that genre's items); null for item-specific effects.</param>
/// <param name="Items">Affected dense item indices, ascending.</param>
public sealed record ContextEffect(string Dimension, int DimensionIndex, string Condition, int ConditionIndex, string? Genre, int[] Items, double Delta)
{
    /// <summary>e.g. "Location=Cinema: +1.00 on 8 items".</summary>
    public override string ToString() =>
        $"{Dimension}={Condition}: {Delta:+0.00;-0.00} on {(Genre is null ? $"{Items.Length} items" : $"genre {Genre} ({Items.Length} items)")}";
}
