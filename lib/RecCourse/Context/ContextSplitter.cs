using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// Item splitting, user splitting (Baltrunas and Ricci 2009; CARSKit's ItemSplitting/UserSplitting) and
/// their combination, UI splitting (Zheng, Burke and Mobasher 2014): for each item (or user) and each
/// context condition c, Welch's t-test compares its ratings in c with its ratings not in c. If any test
/// has p &lt; α, the entity is split on the condition with the largest |t| into two entities, "in c" and
/// "not in c", so an ordinary 2-D recommender trained on the split data learns context-dependent
/// preferences.
/// </summary>
/// <remarks>
/// The splitter keeps the largest |t|, not the smallest p: with different numbers of ratings per side
/// the two can disagree. In a two-condition dimension, "Cinema vs rest" and "Home vs rest" are the same
/// test with opposite t; ties in |t| go to the positive t (the condition where ratings are higher), then
/// to the first dimension and condition. Ratings whose condition in a dimension is
/// <see cref="ContextCondition.Unknown"/> take no part in that dimension's tests and stay with the
/// "not in c" half. Note the multiple-testing risk: with α = 0.05 and many entities a few splits are
/// chance; a smaller α (or more ratings per side) trades recall for precision.
/// </remarks>
public static class ContextSplitter
{
    /// <summary>Item splitting: see <see cref="Split"/>.</summary>
    public static ContextSplitResult SplitItems(RecDataset data, double alpha = 0.05, int minPerSide = 3) => Split(data, SplitTarget.Items, alpha, minPerSide);

    /// <summary>User splitting: see <see cref="Split"/>.</summary>
    public static ContextSplitResult SplitUsers(RecDataset data, double alpha = 0.05, int minPerSide = 3) => Split(data, SplitTarget.Users, alpha, minPerSide);

    /// <summary>
    /// Splits every entity with a significant condition. A condition is tested only when the entity
    /// has at least <paramref name="minPerSide"/> (≥ 2) ratings both in and out of it (ratings with an
    /// unknown condition in that dimension are on neither side).
    /// </summary>
    public static ContextSplitResult Split(RecDataset data, SplitTarget target, double alpha = 0.05, int minPerSide = 3)
    {
        var (schema, ctx) = Check(data, alpha, minPerSide);
        bool items = target == SplitTarget.Items;
        var decisions = Decide(data, schema, ctx, items, alpha, minPerSide);
        var ids = Extended(items ? data.ItemIds : data.UserIds, decisions, schema);
        var entities = Remap(items ? data.Ratings.Items : data.Ratings.Users, decisions, ctx);
        var ratings = data.Ratings;
        var table = items
            ? new RatingTable(ratings.Users, entities, ratings.Values, ratings.Timestamps, ctx)
            : new RatingTable(entities, ratings.Items, ratings.Values, ratings.Timestamps, ctx);
        var split = new RecDataset
        {
            Name = $"{data.Name} ({(items ? "item" : "user")} splitting)", Format = data.Format, Ratings = table,
            UserIds = items ? data.UserIds : ids, ItemIds = items ? ids : data.ItemIds,
            Items = items ? Extend(data.Items, decisions) : data.Items,
            Users = items || data.Users is null ? data.Users : Extend(data.Users, decisions),
            GenreNames = data.GenreNames, Context = schema,
        };
        return new ContextSplitResult(target, split, decisions);
    }

    /// <summary>
    /// UI splitting (Zheng, Burke and Mobasher 2014): item splitting and user splitting at once. Both
    /// sets of tests run on the original ratings (as CARSKit's UISplitting does), then every rating is
    /// moved to the half of its item AND the half of its user that its context selects, so a 2-D model
    /// trained on <see cref="UiSplitResult.Dataset"/> has context-specific vectors on both sides.
    /// </summary>
    public static UiSplitResult SplitUsersAndItems(RecDataset data, double alpha = 0.05, int minPerSide = 3)
    {
        var (schema, ctx) = Check(data, alpha, minPerSide);
        var itemSplit = Split(data, SplitTarget.Items, alpha, minPerSide);
        var userSplit = Split(data, SplitTarget.Users, alpha, minPerSide);
        var ratings = data.Ratings;
        var table = new RatingTable(userSplit.Dataset.Ratings.Users, itemSplit.Dataset.Ratings.Items, ratings.Values, ratings.Timestamps, ctx);
        var split = new RecDataset
        {
            Name = $"{data.Name} (UI splitting)", Format = data.Format, Ratings = table,
            UserIds = userSplit.Dataset.UserIds, ItemIds = itemSplit.Dataset.ItemIds,
            Items = itemSplit.Dataset.Items, Users = userSplit.Dataset.Users,
            GenreNames = data.GenreNames, Context = schema,
        };
        return new UiSplitResult(split, itemSplit, userSplit);
    }

    private static (ContextSchema Schema, int[][] Context) Check(RecDataset data, double alpha, int minPerSide)
    {
        ArgumentNullException.ThrowIfNull(data);
        var schema = data.Context ?? throw new ArgumentException($"Data set '{data.Name}' has no context schema.", nameof(data));
        var ctx = data.Ratings.Context ?? throw new ArgumentException($"Data set '{data.Name}' has no context columns.", nameof(data));
        if (ctx.Length != schema.Dimensions.Length)
            throw new ArgumentException($"Data set '{data.Name}' has {ctx.Length} context columns for {schema.Dimensions.Length} dimensions.", nameof(data));
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be in (0, 1).");
        if (minPerSide < 2) throw new ArgumentOutOfRangeException(nameof(minPerSide), minPerSide, "Welch's test needs at least 2 ratings per side.");
        return (schema, ctx);
    }

    private static SplitDecision?[] Decide(RecDataset data, ContextSchema schema, int[][] ctx, bool items, double alpha, int minPerSide)
    {
        var ratings = data.Ratings;
        int count = items ? data.NumItems : data.NumUsers;
        int[] entityOf = items ? ratings.Items : ratings.Users;
        var rows = new List<int>[count];
        for (int e = 0; e < count; e++) rows[e] = new List<int>();
        for (int r = 0; r < ratings.Count; r++) rows[entityOf[r]].Add(r);

        var decisions = new SplitDecision?[count];
        int next = count;
        var inside = new List<double>(); var outside = new List<double>();
        for (int e = 0; e < count; e++)
        {
            (int Dim, int Cond, WelchResult Test, int In, int Out)? best = null;
            for (int d = 0; d < schema.Dimensions.Length; d++)
                for (int c = 0; c < schema.Conditions[d].Length; c++)
                {
                    inside.Clear(); outside.Clear();
                    foreach (int r in rows[e])
                    {
                        int condition = ctx[d][r];
                        if (condition == ContextCondition.Unknown) continue;
                        (condition == c ? inside : outside).Add(ratings.Values[r]);
                    }
                    if (inside.Count < minPerSide || outside.Count < minPerSide) continue;
                    var test = WelchTTest.Test(inside.ToArray(), outside.ToArray());
                    if (!(test.PValue < alpha)) continue;
                    if (best is null || Math.Abs(test.T) > Math.Abs(best.Value.Test.T) || (Math.Abs(test.T) == Math.Abs(best.Value.Test.T) && test.T > best.Value.Test.T))
                        best = (d, c, test, inside.Count, outside.Count);
                }
            if (best is { } b) decisions[e] = new SplitDecision(e, b.Dim, b.Cond, b.Test.T, b.Test.PValue, b.In, b.Out, next++, e);
        }
        return decisions;
    }

    private static IdIndex Extended(IdIndex ids, SplitDecision?[] decisions, ContextSchema schema)
    {
        var newIds = new IdIndex();
        for (int e = 0; e < decisions.Length; e++)
            newIds.GetOrAdd(decisions[e] is { } d ? $"{ids.IdAt(e)}@{schema.Dimensions[d.Dimension]}!={schema.Conditions[d.Dimension][d.Condition]}" : ids.IdAt(e));
        foreach (var d in decisions)
            if (d is not null) newIds.GetOrAdd($"{ids.IdAt(d.Original)}@{schema.Dimensions[d.Dimension]}={schema.Conditions[d.Dimension][d.Condition]}");
        return newIds;
    }

    private static int[] Remap(int[] entityOf, SplitDecision?[] decisions, int[][] ctx)
    {
        var remapped = new int[entityOf.Length];
        for (int r = 0; r < entityOf.Length; r++)
        {
            int e = entityOf[r];
            remapped[r] = decisions[e] is { } d && ctx[d.Dimension][r] == d.Condition ? d.InIndex : e;
        }
        return remapped;
    }

    private static T[] Extend<T>(IReadOnlyList<T> original, SplitDecision?[] decisions) =>
        original.Concat(decisions.Where(d => d is not null).Select(d => original[d!.Original])).ToArray();
}
