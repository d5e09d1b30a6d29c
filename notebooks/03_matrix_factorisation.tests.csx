// Hidden tests of 03_matrix_factorisation.ipynb: run by `reccourse grade` after the student's cells, in their state.

//# Exercise 3.1
{
    var rng = new Random(17);
    for (int t = 0; t < 5; t++)
    {
        var n = 1 + 7 * t;
        var u = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var v = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var (bu, bi) = ((float)rng.NextDouble(), (float)(rng.NextDouble() - 1));
        double x = bu + bi;
        for (int f = 0; f < n; f++) x += (double)u[f] * v[f];
        Check.Close("3.1", 1 + 4 / (1 + Math.Exp(-x)), PredictWithBiases(u, v, bu, bi, 1, 5), 1e-9, $"random case {t}, y_range (1, 5)");
    }
    Check.Close("3.1", 5.5, PredictWithBiases([100f], [100f], 0f, 0f, 0, 5.5), 1e-9, "a huge score saturates at yMax");
    Check.Close("3.1", 0, PredictWithBiases([-100f], [100f], 0f, 0f, 0, 5.5), 1e-9, "a hugely negative score saturates at yMin");
    foreach (var k in new[] { 3, 99, 1234 })
        Check.Close("3.1", mf.Predict(test.Users[k], test.Items[k]), MyPrediction(test.Users[k], test.Items[k]), 1e-4, $"test pair {k} vs DotProductBias.Predict");
}

//# Exercise 3.2 (2 points)
{
    // A case by hand: v0 = (1, 0), v1 = (0, 1), targets 2 and 4, ridge 1 → (I + I) u = (2, 4) → u = (1, 2).
    Check.AllClose("3.2", [1.0, 2.0], AlsUserStep([1, 0, 0, 1], 2, [0, 1], [2, 4], 1), 1e-9);
    // One item only: u = v t / (‖v‖² + ridge), from Sherman–Morrison.
    Check.AllClose("3.2", [3.0 * 2 / 29, 4.0 * 2 / 29, 0.0], AlsUserStep([0, 0, 0, 3, 4, 0], 3, [1], [2], 4), 1e-9);
    foreach (var user in new[] { 1, 17, 500, data.NumUsers - 1 })
    {
        var (items, targets) = RatingsOf(user);
        Check.AllClose("3.2", plainAls.UserFactors.Skip(user * 8).Take(8).ToArray(), AlsUserStep(frozenItems, 8, items, targets, alsLambda * items.Length), 1e-6);
    }
}

//# Exercise 3.3 (2 points)
{
    var (otherTrain, otherTest) = Splits.RandomHoldout(data.Ratings, 0.2, seed + 1000);
    var watch = Stopwatch.StartNew();
    var model = TrainMf(otherTrain);
    var seconds = watch.Elapsed.TotalSeconds;
    Check.That("3.3", model.NumUsers == data.NumUsers && model.NumItems == data.NumItems, "the model covers every user and item");
    Check.AtMost("3.3", TestRmse(model, otherTest), rmseTarget, "test RMSE on another split");
    Check.AtMost("3.3", seconds, 30, "training seconds on another split");
}
