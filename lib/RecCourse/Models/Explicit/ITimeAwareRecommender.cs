namespace RecCourse.Models;

/// <summary>
/// A rating model that can use the time of the rating (e.g. a per-session user bias): the moment is
/// part of the query, as in the Netflix Prize, where test dates were known.
/// </summary>
public interface ITimeAwareRecommender : IRecommender
{
    /// <summary>The prediction for a rating made at <paramref name="timestamp"/> (Unix seconds);
    /// equals <see cref="IRecommender.Predict"/> when the model knows nothing about that moment.</summary>
    float PredictAt(int user, int item, long timestamp);
}
