// Hidden tests of 04_deep_recsys.ipynb: run by `reccourse grade` after the student's cells, in their state.

//# Exercise 4.1
{
    // A tiny table over the data set's own items; the reference is computed here with explicit loops.
    var withGenres = Enumerable.Range(0, data.NumItems).Where(i => data.Items[i].Genres.Length >= 2).Take(3).ToArray();
    var single = Enumerable.Range(0, data.NumItems).Where(i => data.Items[i].Genres.Length == 1).Take(3).ToArray();
    int[] items = [withGenres[0], withGenres[1], single[0], single[1], withGenres[2], single[2]];
    var t = new RatingTable([0, 0, 0, 1, 1, 1], items, [5, 4, 1, 2, 3, 5], new long[6]);
    foreach (double beta in new[] { 0.0, 2.0 })
    {
        var predict = FitGenreProfile(data, t, beta);
        double mu = t.Values.Average(v => (double)v);
        double Bu(int u) => Enumerable.Range(0, 6).Where(r => t.Users[r] == u).Select(r => t.Values[r] - mu).DefaultIfEmpty(0).Average();
        double Dev(int u, int g)
        {
            var rows = Enumerable.Range(0, 6).Where(r => t.Users[r] == u && data.Items[t.Items[r]].Genres.Contains(g)).ToArray();
            return rows.Length == 0 ? 0 : rows.Sum(r => t.Values[r] - mu - Bu(u)) / (rows.Length + beta);
        }
        foreach (int u in new[] { 0, 1 })
            foreach (int i in items.Concat(single).Distinct())
            {
                var gs = data.Items[i].Genres;
                double expected = mu + Bu(u) + (gs.Length == 0 ? 0 : gs.Average(g => Dev(u, g)));
                if (!Check.Close("4.1", expected, predict(u, i), 1e-6, $"β = {beta}, user {u}, item {i}")) break;
            }
        Check.Close("4.1", mu, predict(5, items[0]), 1e-6, $"β = {beta}: a user without ratings gets μ + the (empty) genre term");
    }
}

//# Exercise 4.2
{
    Check.Close("4.2", 1, NdcgAtK([1, 2, 3, 4], new HashSet<int> { 1, 2 }, 3), 1e-12, "perfect ranking");
    Check.Close("4.2", 0, NdcgAtK([5, 6, 7], new HashSet<int> { 1 }, 3), 1e-12, "no hit");
    Check.Close("4.2", 0, NdcgAtK([5, 6, 7], new HashSet<int>(), 3), 1e-12, "nothing relevant");
    Check.Close("4.2", (1 / Math.Log2(3)) / 1.0, NdcgAtK([9, 1], new HashSet<int> { 1 }, 10), 1e-12, "k longer than the list");
    var rng = new Random(4);
    for (int trial = 0; trial < 20; trial++)
    {
        int[] ranked = [.. Enumerable.Range(0, 30).OrderBy(_ => rng.Next())];
        int[] rel = [.. Enumerable.Range(0, 30).Where(_ => rng.NextDouble() < 0.2)];
        int k = 1 + rng.Next(15);
        if (!Check.Close("4.2", RankingMetrics.NdcgAtK([ranked], [rel], k), NdcgAtK(ranked, rel.ToHashSet(), k), 1e-12, $"random trial {trial}, k = {k}")) break;
    }
}

//# Exercise 4.3
{
    Check.Close("4.3", 1, UserAuc([3, 2, 1], [true, false, false]), 1e-12, "positive on top");
    Check.Close("4.3", 0, UserAuc([1, 2, 3], [true, false, false]), 1e-12, "positive at the bottom");
    Check.Close("4.3", 0.5, UserAuc([1, 1, 1, 1], [true, false, true, false]), 1e-12, "all tied");
    var rng = new Random(8);
    for (int trial = 0; trial < 20; trial++)
    {
        float[] s = [.. Enumerable.Range(0, 50).Select(_ => (float)Math.Round(rng.NextDouble(), 1))];
        bool[] rel = [.. Enumerable.Range(0, 50).Select(k => k % 5 == trial % 5)];
        if (!Check.Close("4.3", RankingMetrics.Auc(s, rel), UserAuc(s, rel), 1e-12, $"random trial {trial} (with ties)")) break;
    }
}

//# Exercise 4.4
{
    var (tr, va) = Splits.RandomHoldout(data.Ratings, 0.2, 7);
    double mean = tr.Mean();
    double baseline = Math.Sqrt(Enumerable.Range(0, va.Count).Average(r => Math.Pow(mean - va.Values[r], 2)));
    var m = TrainFixedMlp(tr, va, data.NumUsers, data.NumItems, 3, 11);
    Check.AtMost("4.4", m.ValidRmse, baseline - 0.1, "validation RMSE on another split (its global mean − 0.1)");
    var rng = new Random(3);
    var pairs = Enumerable.Range(0, 300).Select(_ => (U: rng.Next(data.NumUsers), I: rng.Next(data.NumItems))).ToArray();
    Check.That("4.4", pairs.Take(30).All(p => m.Predict(p.U, p.I) == m.Predict(p.U, p.I)), "predictions are deterministic (dropout off when predicting)");
    Check.That("4.4", pairs.All(p => m.Predict(p.U, p.I) is > 0f and < 5.5f), "every prediction inside the y_range (0, 5.5)");
    foreach (int u in new[] { 3, 17, 256 })
    {
        var row = Enumerable.Range(0, 40).Select(i => (double)m.Predict(u, i)).ToArray();
        Check.AtLeast("4.4", row.Max() - row.Min(), 0.05, $"user {u}'s predictions differ across items (the item embedding is used)");
    }
    double recomputed = Math.Sqrt(Enumerable.Range(0, va.Count).Average(r => Math.Pow(m.Predict(va.Users[r], va.Items[r]) - va.Values[r], 2)));
    Check.Close("4.4", recomputed, m.ValidRmse, 1e-4, "the reported validation RMSE matches the predictions");
}
