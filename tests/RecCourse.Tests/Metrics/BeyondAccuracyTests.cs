using RecCourse.Metrics;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Metrics;

public class BeyondAccuracyTests
{
    private static readonly int[][] Lists = [[0, 1], [1, 2], []];

    [Fact]
    public void Coverage_and_gini_by_hand()
    {
        Approx.AssertClose(3 / 4.0, BeyondAccuracy.CatalogCoverage(Lists, 4), 0, 1e-12);
        // counts sorted (0, 1, 1, 2), n = 4, total 4: Σ (2i − 5) x_i = (−3)(0) + (−1)(1) + (1)(1) + (3)(2) = 6 → 6 / 16
        Approx.AssertClose(6 / 16.0, BeyondAccuracy.Gini(Lists, 4), 0, 1e-12);
        Approx.AssertClose(0, BeyondAccuracy.Gini([[0, 1], [2, 3]], 4), 0, 1e-12);
        Approx.AssertClose(3 / 4.0, BeyondAccuracy.Gini([[2], [2], [2]], 4), 0, 1e-12); // all on one item: (n − 1)/n
        Assert.Equal(0, BeyondAccuracy.Gini([[]], 4));
    }

    [Fact]
    public void Popularity_metrics_by_hand()
    {
        int[] counts = [8, 4, 1, 0];
        // user 0: −log2(8/8), −log2(4/8) → mean 0.5; user 1: −log2(4/8), −log2(1/8) → mean 2
        Approx.AssertClose((0.5 + 2) / 2, BeyondAccuracy.Novelty(Lists, counts, numUsers: 8), 0, 1e-12);
        Approx.AssertClose((6 + 2.5) / 2, BeyondAccuracy.Arp(Lists, counts), 0, 1e-12);
        var tail = BeyondAccuracy.LongTail(counts, 0.25); // head = the single most popular item
        Assert.Equal([false, true, true, true], tail);
        Approx.AssertClose((0.5 + 1) / 2, BeyondAccuracy.Aplt(Lists, tail), 0, 1e-12);
    }

    [Fact]
    public void Intra_list_diversity_by_hand()
    {
        float[][] genres = [[1, 0], [0, 1], [1, 1], [0, 0]];
        // list 0: items 0, 1 orthogonal → 1; list 1: items 1, 2 → 1 − 1/√2
        Approx.AssertClose((1 + (1 - 1 / Math.Sqrt(2))) / 2, BeyondAccuracy.IntraListDiversity(Lists, genres), 1e-6, 1e-7);
        Approx.AssertClose(1, BeyondAccuracy.IntraListDiversity([[0, 3]], genres), 0, 1e-12);
        Assert.Equal(0, BeyondAccuracy.IntraListDiversity([[0]], genres));
    }
}
