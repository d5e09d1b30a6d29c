namespace RecCourse.Models;

/// <summary>
/// A trained recommender: anything that scores (user, item) pairs by dense index. Every model in the
/// kit implements it, so metrics, audits, plots and notebooks treat models alike.
/// </summary>
public interface IRecommender
{
    int NumUsers { get; }
    int NumItems { get; }

    /// <summary>The model's score for one pair: a predicted rating for explicit models, a logit or
    /// affinity for implicit ones (higher means more relevant).</summary>
    float Predict(int user, int item);

    /// <summary>Writes the score of every item for <paramref name="user"/> into
    /// <paramref name="scores"/> (length <see cref="NumItems"/>); faster than calling
    /// <see cref="Predict"/> per item.</summary>
    void ScoreItems(int user, Span<float> scores);
}
