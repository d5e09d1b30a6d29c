namespace RecCourse.Data;

/// <summary>Turns explicit ratings into implicit feedback (positives only).</summary>
public static class ImplicitFeedback
{
    /// <summary>
    /// The ratings ≥ <paramref name="threshold"/> (4 by default, as in the course's references), with
    /// their value set to 1; users, items, timestamps and context are kept. Rows stay in order.
    /// </summary>
    public static RatingTable Positives(RatingTable ratings, float threshold = 4f)
    {
        var kept = ratings.Where(r => ratings.Values[r] >= threshold);
        Array.Fill(kept.Values, 1f);
        return kept;
    }

    /// <summary>The data set with only its positives (value 1) as ratings.</summary>
    public static RecDataset Positives(RecDataset data, float threshold = 4f) =>
        data.WithRatings(Positives(data.Ratings, threshold), $"{data.Name} (ratings ≥ {threshold} as positives)");
}
