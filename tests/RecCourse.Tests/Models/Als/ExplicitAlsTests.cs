using MathNet.Numerics.LinearAlgebra;
using RecCourse.Data;
using RecCourse.Models;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Models.Als;

public class ExplicitAlsTests
{
    private const double SolveRel = 1e-8, SolveAbs = 1e-10;

    private static RatingTable Ratings() => AlsTestData.Random(15, 11, 0.5, 7, (_, _, r) => 1 + r.Next(5));

    /// <summary>Independent ridge solution for one row: MathNet LU on the normal equations.</summary>
    private static double[] Ridge(RatingTable t, int row, bool byUser, double[] other, double[] otherBias, int d, double lambda, double mu, bool biased, bool scaled)
    {
        int k = d + (biased ? 1 : 0);
        var A = Matrix<double>.Build.Dense(k, k);
        var b = Vector<double>.Build.Dense(k);
        int n = 0;
        for (int e = 0; e < t.Count; e++)
        {
            int mine = byUser ? t.Users[e] : t.Items[e], o = byUser ? t.Items[e] : t.Users[e];
            if (mine != row) continue;
            n++;
            var z = Vector<double>.Build.Dense(k, a => a < d ? other[o * d + a] : 1.0);
            A += z.OuterProduct(z);
            b += z * (t.Values[e] - mu - (biased ? otherBias[o] : 0));
        }
        if (n == 0) return new double[k];
        A += Matrix<double>.Build.DenseIdentity(k) * (lambda * (scaled ? n : 1));
        return A.Solve(b).ToArray();
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void EachHalfStepEqualsTheIndependentRidgeSolution(bool biased, bool scaled)
    {
        var t = Ratings();
        const int d = 4; const double lambda = 0.3;
        var als = new ExplicitAls(15, 11, new AlsOptions { Factors = d, Lambda = lambda, Biases = biased, ScaleLambdaByCount = scaled });
        als.Initialise(t);
        double mu = t.Mean();
        Approx.AssertClose(mu, als.GlobalMean, 1e-12, 1e-12, "μ");

        var items = (double[])als.ItemFactors.Clone(); var itemBias = (double[])als.ItemBias.Clone();
        als.SolveUsers();
        for (int u = 0; u < 15; u++)
        {
            var x = Ridge(t, u, true, items, itemBias, d, lambda, mu, biased, scaled);
            Approx.AssertClose(x.AsSpan(0, d), als.UserFactors.AsSpan(u * d, d), SolveRel, SolveAbs, $"user {u}");
            if (biased) Approx.AssertClose(x[d], als.UserBias[u], SolveRel, SolveAbs, $"b_u {u}");
        }
        var users = (double[])als.UserFactors.Clone(); var userBias = (double[])als.UserBias.Clone();
        als.SolveItems();
        for (int i = 0; i < 11; i++)
        {
            var y = Ridge(t, i, false, users, userBias, d, lambda, mu, biased, scaled);
            Approx.AssertClose(y.AsSpan(0, d), als.ItemFactors.AsSpan(i * d, d), SolveRel, SolveAbs, $"item {i}");
            if (biased) Approx.AssertClose(y[d], als.ItemBias[i], SolveRel, SolveAbs, $"b_i {i}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LossNeverIncreasesAcrossHalfSteps(bool biased)
    {
        var als = new ExplicitAls(15, 11, new AlsOptions { Factors = 5, Lambda = 0.05, Biases = biased });
        als.Initialise(Ratings());
        double previous = double.PositiveInfinity;
        for (int step = 0; step < 20; step++)
        {
            if (step % 2 == 0) als.SolveUsers(); else als.SolveItems();
            double loss = als.Loss();
            Assert.True(loss <= previous * (1 + 1e-12) + 1e-12, $"step {step}: loss rose from {previous} to {loss}");
            previous = loss;
        }
    }

    [Fact]
    public void RecoversAPlantedLowRankMatrixOnHeldOutCells()
    {
        const int users = 80, items = 60, rank = 3;
        var rng = new Random(3);
        var p = AlsTestData.Gaussian(users * rank, 1, rng); var q = AlsTestData.Gaussian(items * rank, 1, rng);
        double Truth(int u, int i) { double s = 3; for (int a = 0; a < rank; a++) s += p[u * rank + a] * q[i * rank + a]; return s; }
        var all = AlsTestData.Random(users, items, 0.6, 11, (u, i, r) => Truth(u, i) + 0.05 * (r.NextDouble() - 0.5));
        var split = new Random(5);
        var isTest = Enumerable.Range(0, all.Count).Select(_ => split.NextDouble() < 0.15).ToArray();
        var train = all.Where(r => !isTest[r]); var test = all.Where(r => isTest[r]);

        var als = new ExplicitAls(users, items, new AlsOptions { Factors = rank, Lambda = 1e-3, Iterations = 30 }).Fit(train);
        double se = 0;
        for (int k = 0; k < test.Count; k++) { double e = als.PredictRating(test.Users[k], test.Items[k]) - Truth(test.Users[k], test.Items[k]); se += e * e; }
        double rmse = Math.Sqrt(se / test.Count);
        Assert.True(rmse < 0.1, $"held-out RMSE {rmse:F4} against the planted matrix (values have spread ≈ 1.7)");
    }

    [Fact]
    public void ResultsDoNotDependOnThreadCount()
    {
        var t = Ratings();
        var one = new ExplicitAls(15, 11, new AlsOptions { Factors = 4, Iterations = 3, Biases = true, Threads = 1 }).Fit(t);
        var two = new ExplicitAls(15, 11, new AlsOptions { Factors = 4, Iterations = 3, Biases = true, Threads = 2 }).Fit(t);
        Approx.AssertClose(one.UserFactors, two.UserFactors, 0, 0, "P");
        Approx.AssertClose(one.ItemFactors, two.ItemFactors, 0, 0, "Q");
    }

    [Fact]
    public void PredictClampsAndScoreItemsAgreesUnclamped()
    {
        var als = new ExplicitAls(15, 11, new AlsOptions { Factors = 4, Iterations = 3, Biases = true, MinRating = 1, MaxRating = 5 }).Fit(Ratings());
        var scores = new float[11];
        for (int u = 0; u < 15; u++)
        {
            als.ScoreItems(u, scores);
            for (int i = 0; i < 11; i++)
            {
                double raw = als.GlobalMean + als.UserBias[u] + als.ItemBias[i]
                    + Enumerable.Range(0, 4).Sum(a => als.UserFactors[u * 4 + a] * als.ItemFactors[i * 4 + a]);
                Approx.AssertClose(raw, scores[i], Approx.Float32Rel, Approx.Float32Abs, $"score {u},{i}");
                Approx.AssertClose(Math.Clamp(raw, 1, 5), als.PredictRating(u, i), 1e-12, 1e-12, $"prediction {u},{i}");
            }
        }
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Assert.Equal("Factors", Assert.Throws<ArgumentOutOfRangeException>(() => new ExplicitAls(3, 3, new AlsOptions { Factors = 0 })).ParamName);
        var als = new ExplicitAls(15, 11, new AlsOptions { Factors = 2, Iterations = 1 });
        Assert.Throws<InvalidOperationException>(() => als.SolveUsers());
        als.Fit(Ratings());
        Assert.Equal("item", Assert.Throws<ArgumentOutOfRangeException>(() => als.Predict(0, 11)).ParamName);
        var bad = new RatingTable([20], [0], [3f], [0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => als.Initialise(bad));
    }

    [Ml100kFact]
    public void BenchSettingsReachTheTargetOnU1()
    {
        var (trainSet, testSet) = MovieLens100k.LoadSplit(Ml100kFactAttribute.Ml100kDir!, "u1");
        var (train, test) = (trainSet.Ratings, testSet.Ratings);
        var als = new ExplicitAls(trainSet.NumUsers, trainSet.NumItems, AlsOptions.TunedForMovieLens with { Threads = 2 }).Fit(train);
        double se = 0;
        for (int k = 0; k < test.Count; k++) { double e = als.PredictRating(test.Users[k], test.Items[k]) - test.Values[k]; se += e * e; }
        double rmse = Math.Sqrt(se / test.Count);
        Assert.True(rmse <= 0.94, $"u1 RMSE {rmse:F4} > 0.94");
    }
}
