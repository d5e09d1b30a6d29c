using RecCourse.Data;
using RecCourse.Metrics;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Metrics;

public class RankingMetricsTests
{
    // user 0: hits at ranks 2 and 5 of 5, three relevant; user 1: nothing relevant (skipped); user 2: hit at rank 1, one relevant.
    private static readonly int[][] Rec = [[1, 2, 3, 4, 5], [7, 8], [9, 1]];
    private static readonly int[][] Rel = [[2, 5, 9], [], [9]];

    [Fact]
    public void Worked_example_by_hand()
    {
        Approx.AssertClose((2 / 5.0 + 1 / 5.0) / 2, RankingMetrics.PrecisionAtK(Rec, Rel, 5), 1e-12, 0, "P@5");
        Approx.AssertClose((2 / 3.0 + 1) / 2, RankingMetrics.RecallAtK(Rec, Rel, 5), 1e-12, 0, "R@5");
        Approx.AssertClose(1.0, RankingMetrics.HitRateAtK(Rec, Rel, 5), 1e-12, 0, "HR@5");
        double dcg0 = 1 / Math.Log2(3) + 1 / Math.Log2(6), idcg0 = 1 + 1 / Math.Log2(3) + 1 / Math.Log2(4);
        Approx.AssertClose((dcg0 / idcg0 + 1) / 2, RankingMetrics.NdcgAtK(Rec, Rel, 5), 1e-12, 0, "NDCG@5");
        // AP@5 for user 0: (P@2 + P@5) / min(3, 5) = (1/2 + 2/5) / 3 = 0.3
        Approx.AssertClose((0.3 + 1) / 2, RankingMetrics.MapAtK(Rec, Rel, 5), 1e-12, 0, "MAP@5");
        // AP@2: P@2 / min(3, 2) = 0.25, or / |rel| = 1/6 in the MS Recommenders 'map' variant
        Approx.AssertClose((0.25 + 1) / 2, RankingMetrics.MapAtK(Rec, Rel, 2), 1e-12, 0, "MAP@2");
        Approx.AssertClose((0.5 / 3 + 1) / 2, RankingMetrics.MapAtK(Rec, Rel, 2, divideByAllRelevant: true), 1e-12, 0, "MAP@2 by |rel|");
        Approx.AssertClose((0.5 + 1) / 2, RankingMetrics.Mrr(Rec, Rel), 1e-12, 0, "MRR");
        Approx.AssertClose((0 + 1) / 2.0, RankingMetrics.Mrr(Rec, Rel, k: 1), 1e-12, 0, "MRR@1");
    }

    [Fact]
    public void Perfect_ranking_scores_one_and_no_hits_score_zero()
    {
        int[][] rel = [[3, 4, 5], [0, 1]];
        int[][] perfect = [[5, 3, 4, 9], [1, 0, 7]];
        Approx.AssertClose(1, RankingMetrics.NdcgAtK(perfect, rel, 2), 0, 1e-12);
        Approx.AssertClose(1, RankingMetrics.PrecisionAtK(perfect, rel, 2), 0, 1e-12);
        Approx.AssertClose(1, RankingMetrics.RecallAtK(perfect, rel, 3), 0, 1e-12);
        Approx.AssertClose(1, RankingMetrics.MapAtK(perfect, rel, 3), 0, 1e-12);
        Approx.AssertClose(1, RankingMetrics.Mrr(perfect, rel), 0, 1e-12);
        int[][] miss = [[0, 1, 2], [5, 6]];
        foreach (var m in new[] { RankingMetrics.NdcgAtK(miss, rel, 3), RankingMetrics.PrecisionAtK(miss, rel, 3), RankingMetrics.RecallAtK(miss, rel, 3),
                                  RankingMetrics.MapAtK(miss, rel, 3), RankingMetrics.HitRateAtK(miss, rel, 3), RankingMetrics.Mrr(miss, rel) })
            Assert.Equal(0, m);
        // No user with a relevant item: 0, not NaN.
        Assert.Equal(0, RankingMetrics.NdcgAtK(miss, [[], []], 3));
        Assert.Throws<ArgumentException>(() => RankingMetrics.NdcgAtK(miss, [[1]], 3));
    }

    [Fact]
    public void Auc_matches_counting_all_positive_negative_pairs_with_ties()
    {
        var rng = new RecRandom(11);
        for (int trial = 0; trial < 50; trial++)
        {
            int n = 2 + rng.NextInt(60);
            var scores = new float[n]; var labels = new bool[n];
            for (int k = 0; k < n; k++) { scores[k] = rng.NextInt(8) / 4f; labels[k] = rng.NextBool(0.3); }
            if (trial % 10 == 0) scores[0] = float.NaN;
            double pairs = 0, wins = 0;
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                {
                    if (!labels[a] || labels[b]) continue;
                    float sa = float.IsNaN(scores[a]) ? float.NegativeInfinity : scores[a];
                    float sb = float.IsNaN(scores[b]) ? float.NegativeInfinity : scores[b];
                    pairs++; wins += sa > sb ? 1 : sa == sb ? 0.5 : 0;
                }
            double auc = RankingMetrics.Auc(scores, labels);
            if (pairs == 0) Assert.True(double.IsNaN(auc));
            else Approx.AssertClose(wins / pairs, auc, 1e-12, 1e-12, $"trial {trial}");
        }
        Approx.AssertClose(1, RankingMetrics.Auc([0.9f, 0.8f, 0.1f], [true, true, false]), 0, 1e-12);
        Approx.AssertClose(0, RankingMetrics.Auc([0.9f, 0.8f, 0.1f], [false, false, true]), 0, 1e-12);
    }
}
