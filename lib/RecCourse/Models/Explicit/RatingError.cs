namespace RecCourse.Models;

/// <summary>RMSE and MAE of a model on a rating table, accumulated in float64.</summary>
public static class RatingError
{
    /// <summary>(RMSE, MAE) of <paramref name="model"/> on <paramref name="test"/>; (NaN, NaN) when empty.</summary>
    public static (double Rmse, double Mae) Evaluate(IRecommender model, Data.RatingTable test)
    {
        if (test.Count == 0) return (double.NaN, double.NaN);
        double se = 0, ae = 0;
        for (int k = 0; k < test.Count; k++)
        {
            double e = model.Predict(test.Users[k], test.Items[k]) - test.Values[k];
            se += e * e; ae += Math.Abs(e);
        }
        return (Math.Sqrt(se / test.Count), ae / test.Count);
    }
}
