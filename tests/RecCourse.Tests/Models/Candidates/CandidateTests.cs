using RecCourse.Data;
using RecCourse.Models;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Models;

public class CandidateTests
{
    private static readonly CandidateOptions Small = new()
    {
        HistoryDimensions = 16, OutputDimensions = 16, HiddenWidths = [32], Epochs = 6, BatchSize = 64, LearningRate = 1e-2f, NumNegatives = 30,
    };

    private static (RatingTable Train, RatingTable Test, HybridFeatures Features) Data()
    {
        var data = SmallSynthetic.Data;
        var (train, test) = Splits.LeaveLastPositiveOut(data.Ratings);
        return (train, test, HybridFeatures.FromDataset(data));
    }

    [Fact]
    public void TopK_EqualsBruteForceSort_WithTiesToLowerIndex()
    {
        var rng = new Random(1);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = rng.Next(1, 300), k = rng.Next(1, 40);
            // Few distinct values force ties.
            var scores = Enumerable.Range(0, n).Select(_ => (float)rng.Next(0, 12)).ToArray();
            var excluded = Enumerable.Range(0, n).Where(_ => rng.NextDouble() < 0.2).ToHashSet();
            var expected = Enumerable.Range(0, n).Where(i => !excluded.Contains(i))
                .OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).ToArray();
            var actual = TopK.Select(scores, k, excluded.Contains).Select(t => t.Item).ToArray();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void TopK_Retrieve_EqualsSortedDotProducts()
    {
        var rng = new Random(2);
        int n = 500, d = 12;
        var items = Enumerable.Range(0, n * d).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var q = Enumerable.Range(0, d).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var expected = Enumerable.Range(0, n)
            .Select(i => (Item: i, Score: Enumerable.Range(0, d).Sum(f => (double)q[f] * items[i * d + f])))
            .OrderByDescending(t => t.Score).ThenBy(t => t.Item).Take(25).ToArray();
        var actual = TopK.Retrieve(q, items, 25);
        Assert.Equal(expected.Select(t => t.Item), actual.Select(t => t.Item));
        for (int r = 0; r < 25; r++) Approx.AssertClose(expected[r].Score, actual[r].Score, 1e-5, 1e-5);
    }

    [Fact]
    public void CrossEntropyInPlace_MatchesFloat64Reference()
    {
        var rng = new Random(3);
        var z = Enumerable.Range(0, 40).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
        z[7] = float.NegativeInfinity; // a masked accidental hit
        double max = z.Max(v => (double)v), sum = z.Sum(v => float.IsNegativeInfinity(v) ? 0 : Math.Exp(v - max));
        double expectedLoss = -(z[4] - max - Math.Log(sum));
        var expectedGrad = z.Select((v, k) => (float.IsNegativeInfinity(v) ? 0 : Math.Exp(v - max) / sum) - (k == 4 ? 1 : 0)).ToArray();
        float loss = SampledSoftmax.CrossEntropyInPlace(z, 4);
        Approx.AssertClose(expectedLoss, loss, 1e-5, 1e-6, "loss");
        Approx.AssertClose(expectedGrad, z, 1e-5, 1e-6, "grad");
    }

    [Fact]
    public void LogQCorrection_EstimatesTheFullSoftmaxGradientBetter()
    {
        var rng = new Random(4);
        int nItems = 300, nNeg = 20, draws = 3000, pos = 150;
        var logits = Enumerable.Range(0, nItems).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        // A steep popularity proposal, as real item popularity is.
        var q = Enumerable.Range(0, nItems).Select(i => 1.0 / (i + 3)).ToArray();
        double qs = q.Sum();
        for (int i = 0; i < nItems; i++) q[i] /= qs;
        var cumulative = new double[nItems];
        double c = 0;
        for (int i = 0; i < nItems; i++) { c += q[i]; cumulative[i] = c; }

        var full = (float[])logits.Clone();
        SampledSoftmax.CrossEntropyInPlace(full, pos);
        var withQ = new double[nItems]; var withoutQ = new double[nItems];
        var g = new float[nItems]; var neg = new int[nNeg];
        for (int t = 0; t < draws; t++)
        {
            for (int k = 0; k < nNeg; k++)
            {
                int idx = Array.BinarySearch(cumulative, rng.NextDouble());
                neg[k] = Math.Min(idx >= 0 ? idx : ~idx, nItems - 1);
            }
            SampledSoftmax.ItemGradient(logits, pos, neg, q, g);
            for (int i = 0; i < nItems; i++) withQ[i] += g[i] / draws;
            SampledSoftmax.ItemGradient(logits, pos, neg, [], g);
            for (int i = 0; i < nItems; i++) withoutQ[i] += g[i] / draws;
        }
        // Relative error of the mean sampled gradient against the exact full-softmax gradient.
        double norm = Math.Sqrt(full.Sum(y => (double)y * y));
        double Error(double[] a) => Math.Sqrt(a.Zip(full, (x, y) => (x - y) * (x - y)).Sum()) / norm;
        double errWith = Error(withQ), errWithout = Error(withoutQ);
        Assert.True(errWith < 0.5 * errWithout, $"log-Q corrected error {errWith:F4} should be well below uncorrected {errWithout:F4}");
        // Without the correction the most popular items are pushed down too hard.
        double popWith = withQ.Take(10).Sum(), popWithout = withoutQ.Take(10).Sum(), popFull = full.Take(10).Sum(v => (double)v);
        Assert.True(Math.Abs(popWith - popFull) < Math.Abs(popWithout - popFull),
            $"gradient mass on the 10 most popular items: full {popFull:F4}, corrected {popWith:F4}, uncorrected {popWithout:F4}");
    }

    [Theory]
    [InlineData(SoftmaxSampling.Full)]
    [InlineData(SoftmaxSampling.Popularity)]
    [InlineData(SoftmaxSampling.HardNegatives)]
    public void LearnsToRetrieveHeldOutPositives(SoftmaxSampling sampling)
    {
        var (train, test, features) = Data();
        var data = SmallSynthetic.Data;
        var r = CandidateTrainer.Fit(train, data.NumUsers, data.NumItems, features, Small with { Sampling = sampling });
        Assert.True(r.History[^1].TrainLoss < r.History[0].TrainLoss, $"{sampling}: loss {r.History[0].TrainLoss:F3} → {r.History[^1].TrainLoss:F3}");
        var (hr, ndcg, users) = HoldoutRanking.Evaluate(r.Model, UserItemIndex.Build(train, data.NumUsers, data.NumItems), test);
        double chance = 10.0 / data.NumItems;
        Assert.True(users > 250 && hr > 3 * chance, $"{sampling}: HR@10 {hr:F3} over {users} users should be well above chance {chance:F3}");
        Assert.InRange(ndcg, 0, hr);
    }

    [Fact]
    public void HardNegatives_AreNeverPositives_AndRetrieveSkipsHistory()
    {
        var (train, _, features) = Data();
        var data = SmallSynthetic.Data;
        var model = CandidateTrainer.Fit(train, data.NumUsers, data.NumItems, features, Small with { Epochs = 2 }).Model;
        var pools = CandidateTrainer.HardNegativePools(model, 40);
        var scores = new float[data.NumItems];
        for (int u = 0; u < data.NumUsers; u++)
        {
            var history = model.Histories[u];
            Assert.All(pools[u], j => Assert.True(Array.BinarySearch(history, j) < 0, $"user {u}: hard negative {j} is a training positive"));
            if (u % 25 != 0) continue;
            // Retrieval is the brute-force ranking of ScoreItems without the history.
            model.ScoreItems(u, scores);
            var expected = Enumerable.Range(0, data.NumItems).Where(i => Array.BinarySearch(history, i) < 0)
                .OrderByDescending(i => scores[i]).ThenBy(i => i).Take(10);
            Assert.Equal(expected, model.Retrieve(u, 10).Select(t => t.Item));
        }
    }

    [Fact]
    public void Folding_PositivesOnlyMixesGroups_NegativesSeparateThem()
    {
        var reports = FoldingDemo.Run(usersPerGroup: 60, itemsPerGroup: 60);
        var pos = reports[0]; var neg = reports[1];
        Assert.Equal("positives only", pos.Variant);
        Assert.True(pos.MeanCrossGroupScore > 0.5, $"positives only: cross-group pairs should score high (σ {pos.MeanCrossGroupScore:F3})");
        Assert.True(neg.MeanCrossGroupScore < pos.MeanCrossGroupScore - 0.3, $"negatives should push cross-group scores down: {neg.MeanCrossGroupScore:F3} vs {pos.MeanCrossGroupScore:F3}");
        Assert.True(neg.CrossGroupTop10Fraction < 0.05, $"with negatives, top-10 should stay in the user's group (cross fraction {neg.CrossGroupTop10Fraction:F3})");
        Assert.True(pos.CrossGroupTop10Fraction > neg.CrossGroupTop10Fraction + 0.1,
            $"positives only should leak other-group items into the top 10: {pos.CrossGroupTop10Fraction:F3} vs {neg.CrossGroupTop10Fraction:F3}");
        Assert.True(neg.CrossGroupAuc > 0.95, $"with negatives own-group items should outrank cross-group ones (AUC {neg.CrossGroupAuc:F3})");
    }
}
