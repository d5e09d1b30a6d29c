using RecCourse.Data;
using RecCourse.Fairness;
using RecCourse.Metrics;
using RecCourse.Models;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Fairness;

public class MovieLensAuditTests
{
    [Ml100kFact]
    public void AgeBandAudit_OnU1_CoversEveryTestRating_AndPoolsToTheOverallRmse()
    {
        var (train, test) = MovieLens100k.LoadSplit(Ml100kFactAttribute.Ml100kDir!, "u1");
        var model = new ExplicitAls(train.NumUsers, train.NumItems, AlsOptions.TunedForMovieLens with { Factors = 10, Iterations = 3 }).Fit(train.Ratings);
        var audit = GroupAudit.Run(model, test.Ratings, UserGroups.AgeBand(train), "age band", train.Ratings,
            new GroupAuditOptions { Permutations = 200, Bootstraps = 100 });

        var rmseRows = audit.Rows.Where(r => r.Metric == GroupAudit.Rmse).ToList();
        Assert.Equal(UserGroups.AgeBands.Order(StringComparer.Ordinal), rmseRows.Select(r => r.Group));
        Assert.Equal(test.Ratings.Count, (int)rmseRows.Sum(r => r.Weight));
        // Pooling the groups' squared errors gives back the overall RMSE.
        double pooled = Math.Sqrt(rmseRows.Sum(r => r.Value * r.Value * r.Weight) / test.Ratings.Count);
        var predicted = Enumerable.Range(0, test.Ratings.Count).Select(k => model.Predict(test.Ratings.Users[k], test.Ratings.Items[k])).ToArray();
        Approx.AssertClose(RatingMetrics.Rmse(test.Ratings.Values, predicted), pooled, 1e-6, 1e-9, "pooled RMSE");
        Assert.All(audit.Gaps, g => Assert.InRange(g.PValue, 1.0 / 201, 1));
    }
}
