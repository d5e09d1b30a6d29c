using RecCourse.Data;
using RecCourse.Metrics;

namespace RecCourse.Fairness;

/// <summary>
/// Item popularity from training ratings and the short-head / long-tail split used by the popularity
/// audits. The short head is the ⌈<see cref="HeadItemShare"/> · n⌉ most-rated items (20 % by default,
/// the Pareto convention of Abdollahpouri et al. 2019, via <see cref="BeyondAccuracy.LongTail"/>); every
/// other item, including unrated ones, is long tail. Ties at the cut go to the lower item index.
/// </summary>
public sealed class ItemPopularity
{
    private ItemPopularity(int[] counts, bool[] longTail, double headItemShare)
    {
        Counts = counts; IsLongTail = longTail; HeadItemShare = headItemShare;
    }

    /// <summary>Training ratings per item (length = catalogue size).</summary>
    public int[] Counts { get; }
    /// <summary>Whether each item is long tail.</summary>
    public bool[] IsLongTail { get; }
    public double HeadItemShare { get; }
    public int NumItems => Counts.Length;
    /// <summary>Items in the short head.</summary>
    public int HeadCount => IsLongTail.Count(t => !t);

    /// <summary>Counts ratings per item in <paramref name="train"/> and splits head / tail.</summary>
    /// <param name="headItemShare">Fraction of the catalogue in the short head, in (0, 1).</param>
    public static ItemPopularity FromRatings(RatingTable train, int numItems, double headItemShare = 0.2)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (numItems < 1) throw new ArgumentOutOfRangeException(nameof(numItems), numItems, "Need at least one item.");
        if (!(headItemShare > 0 && headItemShare < 1)) throw new ArgumentOutOfRangeException(nameof(headItemShare), headItemShare, "Must be in (0, 1).");
        var counts = new int[numItems];
        for (int r = 0; r < train.Count; r++)
        {
            int i = train.Items[r];
            if ((uint)i >= (uint)numItems) throw new ArgumentException($"Rating row {r} has item {i}, outside [0, {numItems}).", nameof(train));
            counts[i]++;
        }
        return new ItemPopularity(counts, BeyondAccuracy.LongTail(counts, headItemShare), headItemShare);
    }

    /// <summary>"head" or "long tail", for <see cref="Exposure.ByItemGroup"/>.</summary>
    public string GroupOf(int item) => IsLongTail[item] ? "long tail" : "head";
}
