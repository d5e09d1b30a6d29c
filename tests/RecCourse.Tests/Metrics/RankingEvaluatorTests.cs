using RecCourse.Data;
using RecCourse.Metrics;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Metrics;

public class RankingEvaluatorTests
{
    [Fact]
    public void Matches_a_brute_force_reference_on_random_data()
    {
        const int nu = 40, ni = 30, k = 5;
        var rng = new RecRandom(21);
        var trainRows = new List<(int, int)>(); var testRows = new List<(int, int)>();
        for (int u = 0; u < nu; u++)
            for (int i = 0; i < ni; i++)
            {
                double x = rng.NextDouble();
                if (x < 0.2) trainRows.Add((u, i)); else if (x < 0.3 && u % 7 != 0) testRows.Add((u, i)); // every 7th user has no test items
            }
        var scores = new float[nu * ni];
        for (int j = 0; j < scores.Length; j++) scores[j] = rng.NextInt(20) / 10f; // coarse, so ties occur
        UserItemIndex Index(List<(int U, int I)> rows) => UserItemIndex.Build(
            new RatingTable([.. rows.Select(r => r.U)], [.. rows.Select(r => r.I)], [.. rows.Select(_ => 1f)], new long[rows.Count]), nu, ni);
        var train = Index(trainRows); var test = Index(testRows);

        var report = RankingEvaluator.Evaluate(scores, train, test, k);

        // Brute force: candidates, a full sort, metrics straight from their definitions, AUC from all pairs.
        double p = 0, r = 0, nd = 0, ap = 0, hr = 0, mrr = 0, auc = 0; int users = 0, aucUsers = 0;
        double gPairs = 0, gWins = 0;
        var all = new List<(float S, bool L)>();
        for (int u = 0; u < nu; u++)
        {
            var rel = testRows.Where(x => x.Item1 == u).Select(x => x.Item2).ToHashSet();
            if (rel.Count == 0) continue;
            var seen = trainRows.Where(x => x.Item1 == u).Select(x => x.Item2).ToHashSet();
            var cand = Enumerable.Range(0, ni).Where(i => !seen.Contains(i)).ToList();
            var ranked = cand.OrderByDescending(i => scores[u * ni + i]).ThenBy(i => i).ToList();
            users++;
            int hits = ranked.Take(k).Count(rel.Contains);
            p += hits / (double)k; r += hits / (double)rel.Count; hr += hits > 0 ? 1 : 0;
            double dcg = 0, idcg = 0, apu = 0; int h = 0;
            for (int q = 0; q < k && q < ranked.Count; q++)
                if (rel.Contains(ranked[q])) { dcg += 1 / Math.Log2(q + 2); h++; apu += h / (q + 1.0); }
            for (int q = 0; q < Math.Min(k, rel.Count); q++) idcg += 1 / Math.Log2(q + 2);
            nd += dcg / idcg; ap += apu / Math.Min(k, rel.Count);
            int first = ranked.FindIndex(rel.Contains);
            mrr += first < 0 ? 0 : 1.0 / (first + 1);
            Assert.Equal(ranked.Take(k), report.TopK[u]);
            double pairs = 0, wins = 0;
            foreach (int a in cand.Where(rel.Contains))
                foreach (int b in cand.Where(i => !rel.Contains(i)))
                {
                    pairs++; float sa = scores[u * ni + a], sb = scores[u * ni + b];
                    wins += sa > sb ? 1 : sa == sb ? 0.5 : 0;
                }
            if (pairs > 0) { auc += wins / pairs; aucUsers++; }
            foreach (int i in cand) all.Add((scores[u * ni + i], rel.Contains(i)));
        }
        foreach (var a in all.Where(x => x.L))
            foreach (var b in all.Where(x => !x.L)) { gPairs++; gWins += a.S > b.S ? 1 : a.S == b.S ? 0.5 : 0; }

        Assert.Equal(users, report.Users);
        Assert.Empty(report.TopK[0]); // user 0 has no test items
        Approx.AssertClose(p / users, report.Precision, 1e-12, 1e-12, "P@K");
        Approx.AssertClose(r / users, report.Recall, 1e-12, 1e-12, "R@K");
        Approx.AssertClose(nd / users, report.Ndcg, 1e-12, 1e-12, "NDCG@K");
        Approx.AssertClose(ap / users, report.Map, 1e-12, 1e-12, "MAP@K");
        Approx.AssertClose(hr / users, report.HitRate, 1e-12, 1e-12, "HR@K");
        Approx.AssertClose(mrr / users, report.Mrr, 1e-12, 1e-12, "MRR");
        Approx.AssertClose(auc / aucUsers, report.Auc, 1e-12, 1e-12, "AUC");
        Approx.AssertClose(gWins / gPairs, report.GlobalAuc, 1e-12, 1e-12, "global AUC");
    }

    [Fact]
    public void An_oracle_scores_perfectly_and_training_items_are_excluded()
    {
        // user 0 saw items 0, 1 in training; test items 2, 3. Oracle scores training items highest of all.
        var train = UserItemIndex.Build(new RatingTable([0, 0], [0, 1], [1, 1], [0, 0]), 1, 6);
        var test = UserItemIndex.Build(new RatingTable([0, 0], [2, 3], [1, 1], [0, 0]), 1, 6);
        float[] scores = [10, 9, 5, 4, 1, 0];
        var rep = RankingEvaluator.Evaluate(scores, train, test, k: 2);
        Assert.Equal([2, 3], rep.TopK[0]);
        Approx.AssertClose(1, rep.Ndcg, 0, 1e-12); Approx.AssertClose(1, rep.Precision, 0, 1e-12);
        Approx.AssertClose(1, rep.Auc, 0, 1e-12); Approx.AssertClose(1, rep.Map, 0, 1e-12);
        var withSeen = RankingEvaluator.Evaluate(scores, train, test, k: 2, excludeTrain: false);
        Approx.AssertClose(0, withSeen.Precision, 0, 1e-12);
        Assert.Throws<ArgumentException>(() => RankingEvaluator.Evaluate(new float[5], train, test));
    }
}
