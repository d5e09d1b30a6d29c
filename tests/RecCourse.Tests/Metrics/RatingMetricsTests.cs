using RecCourse.Metrics;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Metrics;

public class RatingMetricsTests
{
    [Fact]
    public void Worked_example()
    {
        // errors 1, 0, 2 → RMSE √(5/3), MAE 1
        float[] actual = [1, 2, 3], predicted = [2, 2, 5];
        Approx.AssertClose(Math.Sqrt(5.0 / 3), RatingMetrics.Rmse(actual, predicted), 1e-12, 0);
        Approx.AssertClose(1.0, RatingMetrics.Mae(actual, predicted), 1e-12, 0);
        Approx.AssertClose(Math.Sqrt(5.0 / 3), RatingMetrics.Rmse(actual, new double[] { 2, 2, 5 }), 1e-12, 0);
        Approx.AssertClose(0.0, RatingMetrics.Mae(actual, actual), 0, 0);
    }

    [Fact]
    public void Mismatched_or_empty_inputs_throw()
    {
        Assert.Contains("3 values", Assert.Throws<ArgumentException>(() => RatingMetrics.Rmse(new float[3], new float[2])).Message);
        Assert.Throws<ArgumentException>(() => RatingMetrics.Mae(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty));
    }
}
