using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// A null model for context effects: the same ratings with each rating's context (all its dimensions
/// together, unknown conditions included) shuffled among the ratings of the same item, or of the same
/// user. Every item (user) keeps its ratings and how often it was rated in each context, but which
/// rating was given in which context becomes chance, so any split <see cref="ContextSplitter"/> makes on
/// the shuffled data is a chance split: a yardstick for the count on the real data. <see cref="ShuffleAll"/>
/// shuffles across all ratings instead, which also breaks any link between an item and the contexts it
/// is consumed in (the yardstick for contextual relevance, P(c | i)).
/// </summary>
public static class ContextPermutation
{
    /// <summary>
    /// A copy of <paramref name="ratings"/> with the context columns shuffled within each item
    /// (<paramref name="within"/> = Items) or each user (Users); users, items, values and timestamps are unchanged.
    /// </summary>
    public static RatingTable Shuffle(RatingTable ratings, SplitTarget within, int seed)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return Shuffle(ratings, within == SplitTarget.Items ? ratings.Items : ratings.Users, seed);
    }

    /// <summary>A copy of <paramref name="ratings"/> with the context columns shuffled across all ratings (rows keep their contexts' overall counts).</summary>
    public static RatingTable ShuffleAll(RatingTable ratings, int seed)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return Shuffle(ratings, new int[ratings.Count], seed);
    }

    private static RatingTable Shuffle(RatingTable ratings, int[] groupOf, int seed)
    {
        var ctx = ratings.Context ?? throw new ArgumentException("The rating table has no context columns.", nameof(ratings));
        var rows = new Dictionary<int, List<int>>();
        for (int r = 0; r < ratings.Count; r++)
        {
            if (!rows.TryGetValue(groupOf[r], out var list)) rows[groupOf[r]] = list = new List<int>();
            list.Add(r);
        }
        var rng = new Random(seed);
        var source = new int[ratings.Count];   // row r takes the context of row source[r]
        foreach (var group in rows.Keys.Order())
        {
            var members = rows[group];
            var shuffled = members.ToArray();
            rng.Shuffle(shuffled);
            for (int k = 0; k < members.Count; k++) source[members[k]] = shuffled[k];
        }
        var columns = ctx.Select(column => source.Select(s => column[s]).ToArray()).ToArray();
        return new RatingTable(ratings.Users, ratings.Items, ratings.Values, ratings.Timestamps, columns);
    }
}
