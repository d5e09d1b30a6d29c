using RecCourse.Data;
using RecCourse.Fairness;
using RecCourse.Metrics;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Fairness;

public class GroupAuditTests
{
    private static readonly GroupAuditOptions Fast = new() { Permutations = 300, Bootstraps = 200, MinGroupUsers = 1 };

    [Fact]
    public void Compare_PooledValuesDifferenceAndRatio_MatchHandComputation()
    {
        // Users 0,1 in A with sums 2 and 4 over weights 1 and 3 → 6/4 = 1.5; users 2,3 in B: (3+3)/(1+1) = 3.
        double[] num = [2, 4, 3, 3], w = [1, 3, 1, 1];
        string[] g = ["A", "A", "B", "B"];
        var (rows, gap) = GroupAudit.Compare("m", num, w, u => g[u], Fast);
        Approx.AssertClose(1.5, rows.Single(r => r.Group == "A").Value, 1e-12, 0);
        Approx.AssertClose(3.0, rows.Single(r => r.Group == "B").Value, 1e-12, 0);
        Assert.NotNull(gap);
        Assert.Equal(("B", "A"), (gap.HighGroup, gap.LowGroup));
        Approx.AssertClose(1.5, gap.Difference, 1e-12, 0);
        Approx.AssertClose(0.5, gap.Ratio, 1e-12, 0);
        Assert.Equal(4.0, rows.Single(r => r.Group == "A").Weight);
    }

    [Fact]
    public void Compare_UsersWithoutWeightOrGroup_AreLeftOut()
    {
        double[] num = [1, 100, 1, 5], w = [1, 0, 1, 1];
        string?[] g = ["A", "A", null, "B"];
        var (rows, _) = GroupAudit.Compare("m", num, w, u => g[u], Fast);
        Assert.Equal(1, rows.Single(r => r.Group == "A").Users);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void Compare_RealGap_IsSignificant_NoGap_IsNot()
    {
        var rng = new Random(1);
        int n = 200;
        var group = Enumerable.Range(0, n).Select(u => u % 2 == 0 ? "A" : "B").ToArray();
        var noise = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var shifted = noise.Select((v, u) => v + (group[u] == "A" ? 0.3 : 0)).ToArray();
        var ones = Enumerable.Repeat(1.0, n).ToArray();

        var (_, real) = GroupAudit.Compare("m", shifted, ones, u => group[u], Fast);
        Assert.True(real!.Significant, $"p = {real.PValue}");
        Assert.Equal("A", real.HighGroup);
        Assert.True(real.DiffCiLow > 0.1 && real.DiffCiHigh < 0.5, $"CI [{real.DiffCiLow}, {real.DiffCiHigh}] should cover 0.3 and exclude 0");

        var (_, none) = GroupAudit.Compare("m", noise, ones, u => group[u], Fast);
        Assert.False(none!.Significant, $"p = {none.PValue}");
    }

    [Fact]
    public void Run_RmsePerGroup_MatchesDirectComputation()
    {
        var rng = new Random(2);
        int nu = 20, ni = 15;
        var pred = new float[nu, ni];
        for (int u = 0; u < nu; u++) for (int i = 0; i < ni; i++) pred[u, i] = 1 + 4 * (float)rng.NextDouble();
        var users = new List<int>(); var items = new List<int>(); var values = new List<float>();
        for (int u = 0; u < nu; u++) for (int i = 0; i < ni; i += 2) { users.Add(u); items.Add(i); values.Add(1 + rng.Next(5)); }
        var test = new RatingTable(users.ToArray(), items.ToArray(), values.ToArray(), new long[users.Count]);
        string G(int u) => u < 8 ? "young" : "old";
        var audit = GroupAudit.Run(new MatrixRecommender(pred), test, G, "age", options: Fast);

        foreach (var g in new[] { "young", "old" })
        {
            var rows = Enumerable.Range(0, test.Count).Where(r => G(test.Users[r]) == g).ToArray();
            float[] actual = rows.Select(r => test.Values[r]).ToArray();
            float[] predicted = rows.Select(r => pred[test.Users[r], test.Items[r]]).ToArray();
            Approx.AssertClose(RatingMetrics.Rmse(actual, predicted), audit.Value(GroupAudit.Rmse, g), 1e-9, 1e-12, $"RMSE {g}");
            Approx.AssertClose(RatingMetrics.Mae(actual, predicted), audit.Value(GroupAudit.Mae, g), 1e-9, 1e-12, $"MAE {g}");
        }
        Assert.Contains(audit.Gaps, gg => gg.Metric == "NDCG@10");
    }

    [Fact]
    public void Run_ModelThatRanksOneGroupBackwards_ShowsRankingGap()
    {
        // Each user's relevant items are 0–4; group A users score them highest, group B lowest.
        int nu = 40, ni = 30;
        var s = new float[nu, ni];
        for (int u = 0; u < nu; u++) for (int i = 0; i < ni; i++) s[u, i] = u % 2 == 0 ? ni - i : i;
        var users = new List<int>(); var items = new List<int>(); var values = new List<float>();
        for (int u = 0; u < nu; u++) for (int i = 0; i < 5; i++) { users.Add(u); items.Add(i); values.Add(5); }
        var test = new RatingTable(users.ToArray(), items.ToArray(), values.ToArray(), new long[users.Count]);
        var audit = GroupAudit.Run(new MatrixRecommender(s), test, u => u % 2 == 0 ? "A" : "B", options: Fast with { K = 5 });
        Approx.AssertClose(1.0, audit.Value("NDCG@5", "A"), 1e-12, 0);
        Approx.AssertClose(0.0, audit.Value("NDCG@5", "B"), 0, 1e-12);
        Approx.AssertClose(1.0, audit.Value("HR@5", "A"), 1e-12, 0);
        var gap = audit.Gap("NDCG@5");
        Assert.True(gap.Significant);
        Approx.AssertClose(0.0, gap.Ratio, 0, 1e-12);
    }

    [Fact]
    public void HolmAdjust_MatchesHandComputation()
    {
        // Sorted 0.01, 0.03, 0.04 → ×3, ×2, ×1 = 0.03, 0.06, 0.04 → monotone 0.03, 0.06, 0.06.
        var adjusted = GroupAudit.HolmAdjust([0.01, 0.04, 0.03]);
        Approx.AssertClose([0.03, 0.06, 0.06], adjusted, 1e-12, 1e-15);
        Approx.AssertClose(1.0, GroupAudit.HolmAdjust([0.6, 0.7])[0], 0, 1e-15, "capped at 1");
    }

    [Fact]
    public void AgeBands_CoverEdges()
    {
        Assert.Equal("<25", UserGroups.AgeBandOf(24));
        Assert.Equal("25–34", UserGroups.AgeBandOf(25));
        Assert.Equal("35–44", UserGroups.AgeBandOf(44));
        Assert.Equal("45+", UserGroups.AgeBandOf(45));
        Assert.Throws<ArgumentOutOfRangeException>(() => UserGroups.AgeBandOf(-1));
    }

    [Fact]
    public void ToMarkdown_HasBothTables()
    {
        double[] num = [1, 2, 3, 4], w = [1, 1, 1, 1];
        var (rows, gap) = GroupAudit.Compare("m", num, w, u => u < 2 ? "A" : "B", Fast);
        var md = new GroupAuditResult("g", "scope", rows, [gap!]).ToMarkdown();
        Assert.Contains("| m | A |", md);
        Assert.Contains("| m | B (3.5000) | A (1.5000) |", md);
    }
}
