// Hidden tests of 05_softmax_negative_sampling.ipynb: run by `reccourse grade` after the student's cells, in their state.

//# Exercise 5.1
{
    Check.Close("5.1", Math.Log(3), CrossEntropy([0f, 0f, 0f], 2), 1e-9, "uniform logits: log 3");
    Check.Close("5.1", 1 + Math.Log(1 + Math.Exp(-1)), CrossEntropy([1000f, 999f], 1), 1e-6, "logits near 1000");
    Check.Close("5.1", Math.Log(1 + Math.Exp(-2000.0)) , CrossEntropy([-1000f, -3000f], 0), 1e-9, "very negative logits");
    var rng = new Random(6);
    for (int trial = 0; trial < 10; trial++)
    {
        float[] z = [.. Enumerable.Range(0, 40).Select(_ => (float)(rng.NextDouble() * 20 - 10))];
        int t = rng.Next(40);
        double reference = -z[t] + Math.Log(z.Sum(v => Math.Exp((double)v)));
        if (!Check.Close("5.1", reference, CrossEntropy(z, t), 1e-6, $"random logits, trial {trial}")) break;
    }
}

//# Exercise 5.2
{
    var plain = CandidateLogits(1.5f, [0.5f, -1f, 2f], 4, [9, 4, 2], null);
    Check.Equal("5.2", 4, plain.Length, "positive first, then one logit per negative");
    Check.AllClose("5.2", [1.5, 0.5, 2.0], [plain[0], plain[1], plain[3]], 1e-6);
    Check.That("5.2", float.IsNegativeInfinity(plain[2]), "the accidental hit (item 4) is masked");
    double[] q = [0.1, 0.2, 0.3, 0.15, 0.25];
    var corrected = CandidateLogits(1f, [1f, 1f], 0, [2, 4], q);
    Check.AllClose("5.2", [1 - Math.Log(2 * 0.1), 1 - Math.Log(2 * 0.3), 1 - Math.Log(2 * 0.25)], [.. corrected.Select(v => (double)v)], 1e-5);
    var allHits = CandidateLogits(0f, [3f, 3f], 1, [1, 1], q);
    Check.That("5.2", float.IsNegativeInfinity(allHits[1]) && float.IsNegativeInfinity(allHits[2]) && allHits[0] == (float)(0 - Math.Log(2 * 0.2)), "every negative an accidental hit");
}

//# Exercise 5.3
{
    float[] query = [1f, 0f];
    float[] items = [1f, 0f, 0f, 1f, 2f, 0f, -1f, 0f, 1f, 0f];
    float[] bias = [0f, 0f, 0f, 0f, 0f];
    Check.Equal("5.3", "2,0,4", string.Join(",", TopKItems(query, items, bias, 3, new HashSet<int>())), "ties to the lower index");
    Check.Equal("5.3", "0,4,1", string.Join(",", TopKItems(query, items, bias, 3, new HashSet<int> { 2 })), "excluded item skipped");
    Check.Equal("5.3", "1,2", string.Join(",", TopKItems(query, items, [0f, 5f, 0f, 0f, 0f], 2, new HashSet<int>())), "bias counts");
    Check.Equal("5.3", 2, TopKItems(query, items, bias, 10, new HashSet<int> { 0, 1, 2 }).Length, "fewer items left than k");
    var rng = new Random(2);
    float[] q2 = [.. Enumerable.Range(0, 8).Select(_ => (float)rng.NextDouble() - 0.5f)];
    float[] it2 = [.. Enumerable.Range(0, 8 * 300).Select(_ => (float)rng.NextDouble() - 0.5f)];
    float[] b2 = [.. Enumerable.Range(0, 300).Select(_ => (float)rng.NextDouble() * 0.1f)];
    var expected = TopK.Retrieve(q2, it2, 15, b2, i => i % 7 == 0).Select(t => t.Item);
    Check.Equal("5.3", string.Join(",", expected), string.Join(",", TopKItems(q2, it2, b2, 15, Enumerable.Range(0, 300).Where(i => i % 7 == 0).ToHashSet())), "random catalogue vs the library");
}

//# Exercise 5.4
{
    // The notebook already trained the student's generator (`mine`); train it here only when that cell failed.
    var trained = mine ?? TrainGenerator(train, data.NumUsers, data.NumItems, features, seed);
    var h = HoldoutRanking.Evaluate(trained, trainIndex, test, 10);
    Check.AtLeast("5.4", h.HitRate, popularity.HitRate + 0.01, "HR@10 of TrainGenerator (popularity + 0.01)");
    Check.AtLeast("5.4", h.Ndcg, popularity.Ndcg, "NDCG@10 of TrainGenerator (popularity)");
    Check.That("5.4", trained.NumItems == data.NumItems && trained.Retrieve(test.Users[0], 10).Length == 10, "the model serves top-10 lists");
}
