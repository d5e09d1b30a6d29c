// Hidden tests of 02_dropout_regularisation.ipynb: run by `reccourse grade` after the student's cells, in their state.

//# Exercise 2.1
{
    var rng = new Random(5);
    for (int t = 0; t < 4; t++)
    {
        var n = 1 + 9 * t;
        var wt = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray();
        var gt = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var (lr, lam) = (0.05f * (t + 1), 0.3f / (t + 1));
        var copyW = (float[])wt.Clone();
        var copyG = (float[])gt.Clone();
        var expected = wt.Select((wi, i) => (double)wi - lr * ((double)gt[i] + 2.0 * lam * wi)).ToArray();
        Check.AllClose("2.1", expected, SgdStepWithL2(wt, gt, lr, lam).Select(v => (double)v).ToArray(), 1e-5);
        Check.That("2.1", wt.SequenceEqual(copyW) && gt.SequenceEqual(copyG), "the inputs are not modified");
    }
    Check.AllClose("2.1", [1.0, -2.0], SgdStepWithL2([1f, -2f], [0f, 0f], 0.1f, 0f).Select(v => (double)v).ToArray(), 1e-7);
}

//# Exercise 2.2 (2 points)
{
    var xs = Enumerable.Range(0, 200_000).Select(i => (float)Math.Sin(i) + 2f).ToArray();
    var copy = (float[])xs.Clone();
    foreach (var p in new[] { 0.1, 0.75 })
    {
        var y = InvertedDropout(xs, p, new Random(11));
        Check.Equal("2.2", xs.Length, y.Length, "output length");
        Check.Close("2.2", p, y.Count(v => v == 0) / (double)y.Length, 0.005, $"share of zeros at p = {p}");
        var survivorsOk = y.Select((v, i) => v == 0 || Math.Abs(v - xs[i] / (1 - p)) <= 1e-5 * Math.Abs(xs[i] / (1 - p))).All(b => b);
        Check.That("2.2", survivorsOk, $"every survivor is x / (1 − {p})");
        Check.Close("2.2", xs.Average(v => (double)v), y.Average(v => (double)v), 0.02, $"mean preserved at p = {p}");
    }
    Check.That("2.2", InvertedDropout(xs, 0, new Random(1)).SequenceEqual(xs), "p = 0 is the identity");
    Check.That("2.2", xs.SequenceEqual(copy), "the input is not modified");
    // The same seed gives the same mask: one NextDouble per element, dropped when < p.
    var rngRef = new Random(3);
    var expectedMask = Enumerable.Range(0, 1000).Select(_ => rngRef.NextDouble() < 0.5).ToArray();
    var masked = InvertedDropout(xs[..1000], 0.5, new Random(3));
    Check.That("2.2", masked.Select((v, i) => (v == 0) == expectedMask[i]).All(b => b), "uses one rng.NextDouble() per element, dropping when < p");
    bool threw;
    try { InvertedDropout(xs, 1.0, new Random(1)); threw = false; } catch (ArgumentOutOfRangeException) { threw = true; }
    Check.That("2.2", threw, "p = 1 throws ArgumentOutOfRangeException");
}

//# Exercise 2.3 (2 points)
{
    var (otherTrain, otherValid) = Splits.RandomHoldout(data.Ratings, 0.2, seed + 1000);
    var baseModel = new DotProductBias(data.NumUsers, data.NumItems, 64, new Random(seed), initStd: 0.1f);
    var baseline = Fit("baseline", baseModel, (u, i) => baseModel.Forward(u, i), new Adam(baseModel.Parameters(), 1e-2f), 12, otherTrain, otherValid);
    var (wd, p) = ChooseRegularisation();
    Check.That("2.3", wd >= 0 && p is >= 0 and < 1, $"weight decay {wd} ≥ 0 and dropout {p} in [0, 1)");
    var mine = TrainChosen(otherTrain, otherValid);
    Check.AtMost("2.3", mine.FinalValid, baseline.FinalValid - 0.15, $"final validation MSE on another split (unregularised final {baseline.FinalValid:F3})");
    Check.AtMost("2.3", mine.FinalValid, baseline.BestValid, $"final validation MSE on another split vs the unregularised best {baseline.BestValid:F3}");
}
