using RecCourse.Metrics;

namespace RecCourse.Models;

/// <summary>RMSE and MAE of any <see cref="IRecommender"/> on a rating table (via <see cref="RatingMetrics"/>).</summary>
public static class RatingError
{
    /// <summary>(RMSE, MAE) of <paramref name="model"/> on <paramref name="test"/>; (NaN, NaN) when empty.
    /// Time-aware models are asked with each rating's timestamp.</summary>
    public static (double Rmse, double Mae) Evaluate(IRecommender model, Data.RatingTable test)
    {
        if (test.Count == 0) return (double.NaN, double.NaN);
        var predicted = new float[test.Count];
        var timed = model as ITimeAwareRecommender;
        for (int k = 0; k < test.Count; k++)
            predicted[k] = timed?.PredictAt(test.Users[k], test.Items[k], test.Timestamps[k]) ?? model.Predict(test.Users[k], test.Items[k]);
        return (RatingMetrics.Rmse(test.Values, predicted), RatingMetrics.Mae(test.Values, predicted));
    }
}
