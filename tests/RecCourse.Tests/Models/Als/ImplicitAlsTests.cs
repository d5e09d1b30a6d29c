using MathNet.Numerics.LinearAlgebra;
using RecCourse.Data;
using RecCourse.Models;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Models.Als;

public class ImplicitAlsTests
{
    private static RatingTable Clicks() => AlsTestData.Random(14, 12, 0.3, 9, (_, _, r) => 1 + r.Next(3));

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.1)]
    public void UserHalfStepEqualsTheDenseWeightedRidgeOverTheWholeMatrix(double w0)
    {
        var t = Clicks();
        const int d = 3; const double lambda = 0.2, alpha = 2;
        var wals = new ImplicitAls(14, 12, new WalsOptions { Factors = d, Lambda = lambda, Alpha = alpha, UnobservedWeight = w0 });
        wals.Initialise(t);
        var y = (double[])wals.ItemFactors.Clone();
        wals.SolveUsers();
        for (int u = 0; u < 14; u++)
        {
            // The naive O(items·d²) form: every cell of the row with its own weight and preference.
            var strength = new double[12]; var seen = new bool[12];
            for (int e = 0; e < t.Count; e++) if (t.Users[e] == u) { strength[t.Items[e]] += t.Values[e]; seen[t.Items[e]] = true; }
            var A = Matrix<double>.Build.DenseIdentity(d) * lambda;
            var b = Vector<double>.Build.Dense(d);
            for (int i = 0; i < 12; i++)
            {
                var yi = Vector<double>.Build.Dense(d, a => y[i * d + a]);
                double c = seen[i] ? 1 + alpha * strength[i] : w0;
                A += yi.OuterProduct(yi) * c;
                if (seen[i]) b += yi * c;
            }
            var x = A.Solve(b).ToArray();
            Approx.AssertClose(x, wals.UserFactors.AsSpan(u * d, d), 1e-8, 1e-10, $"user {u}");
        }
    }

    [Fact]
    public void WholeMatrixLossNeverIncreases()
    {
        var wals = new ImplicitAls(14, 12, new WalsOptions { Factors = 4, Alpha = 5, UnobservedWeight = 0.5 });
        wals.Initialise(Clicks());
        double previous = double.PositiveInfinity;
        for (int step = 0; step < 16; step++)
        {
            if (step % 2 == 0) wals.SolveUsers(); else wals.SolveItems();
            double loss = wals.Loss();
            Assert.True(loss <= previous * (1 + 1e-12) + 1e-12, $"step {step}: loss rose from {previous} to {loss}");
            previous = loss;
        }
    }

    /// <summary>
    /// 4 planted taste groups: users pick 40% of their group's items. Held-out picks must outrank
    /// items the user never picked (AUC), and a tiny w0 (unobserved ≈ ignored) must do worse than
    /// w0 = 1 because then "everything is a positive" is nearly optimal.
    /// </summary>
    [Fact]
    public void RanksHeldOutPositivesOfAPlantedImplicitMatrixAboveNegatives()
    {
        const int users = 120, items = 80, groups = 4;
        var rng = new Random(21);
        var u = new List<int>(); var i = new List<int>(); var heldOut = new List<(int, int)>();
        var picked = new HashSet<(int, int)>();
        for (int a = 0; a < users; a++)
            for (int b = 0; b < items; b++)
                if (a % groups == b % groups && rng.NextDouble() < 0.4)
                {
                    picked.Add((a, b));
                    if (rng.NextDouble() < 0.2) heldOut.Add((a, b)); else { u.Add(a); i.Add(b); }
                }
        var train = new RatingTable(u.ToArray(), i.ToArray(), Enumerable.Repeat(1f, u.Count).ToArray(), new long[u.Count]);

        double Auc(double w0)
        {
            var wals = new ImplicitAls(users, items, new WalsOptions { Factors = 8, Lambda = 0.1, Alpha = 10, UnobservedWeight = w0, Iterations = 10 }).Fit(train);
            long wins = 0, pairs = 0;
            foreach (var (a, b) in heldOut)
                for (int n = 0; n < items; n++)
                {
                    if (picked.Contains((a, n))) continue;
                    double sp = wals.Score(a, b), sn = wals.Score(a, n);
                    wins += sp > sn ? 2 : sp == sn ? 1 : 0; pairs += 2;
                }
            return (double)wins / pairs;
        }
        double auc = Auc(1.0), aucTiny = Auc(1e-4);
        Assert.True(auc > 0.9, $"AUC {auc:F3} with w0 = 1");
        Assert.True(aucTiny < auc, $"w0 → 0 should lose ranking power: AUC {aucTiny:F3} vs {auc:F3}");
    }

    [Fact]
    public void RejectsNegativeStrengthsAndBadOptions()
    {
        Assert.Equal("Lambda", Assert.Throws<ArgumentOutOfRangeException>(() => new ImplicitAls(2, 2, new WalsOptions { Lambda = 0 })).ParamName);
        var wals = new ImplicitAls(2, 2);
        Assert.Throws<ArgumentException>(() => wals.Initialise(new RatingTable([0], [1], [-1f], [0])));
    }
}
