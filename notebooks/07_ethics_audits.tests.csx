// Hidden tests of 07_ethics_audits.ipynb: run by `reccourse grade` after the student's cells, in their state.

//# Exercise 7.1
{
    // Group a: errors 0, 1 → RMSE √0.5; group b: 0, 2 → √2; group c: 0 → 0.
    var (gap, worst) = RmseGap([3, 3, 4, 4, 5], [3, 4, 4, 2, 5], ["a", "a", "b", "b", "c"]);
    Check.Close("7.1", Math.Sqrt(2), gap, 1e-6, "gap over three groups");
    Check.Equal("7.1", "b", worst, "worst group of three");
    var (gap1, worst1) = RmseGap([1, 2], [2, 2], ["x", "x"]);
    Check.Close("7.1", 0, gap1, 1e-12, "one group: no gap");
    Check.Equal("7.1", "x", worst1, "one group is the worst");
    // Pooled, not averaged per user: group p has errors 3, 0, 0 (RMSE √3), group q errors 1, 1 (RMSE 1).
    var (gap2, _) = RmseGap([4, 1, 1, 2, 2], [1, 1, 1, 1, 1], ["p", "p", "p", "q", "q"]);
    Check.Close("7.1", Math.Sqrt(3) - 1, gap2, 1e-6, "pooled squared errors");
}

//# Exercise 7.2
{
    Check.Close("7.2", 0, Jaccard(new HashSet<int>(), new HashSet<int>()), 0, "two empty sets");
    Check.Close("7.2", 0, Jaccard(new HashSet<int> { 1 }, new HashSet<int>()), 0, "one empty set");
    Check.Close("7.2", 0, Jaccard(new HashSet<int> { 1, 2 }, new HashSet<int> { 3 }), 0, "disjoint");
    Check.Close("7.2", 0.5, Jaccard(new HashSet<int> { 1, 2 }, new HashSet<int> { 1, 2, 3, 4 }), 1e-12, "subset");
    Check.Close("7.2", 0.5, Jaccard(new HashSet<int> { 1, 2, 3, 4 }, new HashSet<int> { 1, 2 }), 1e-12, "symmetric");
    var big = Enumerable.Range(0, 100).ToHashSet();
    Check.Close("7.2", 50.0 / 150, Jaccard(big, Enumerable.Range(50, 100).ToHashSet()), 1e-12, "overlapping ranges");
}

//# Exercise 7.3
{
    double[][] x = [[1, 2], [3, -1]];
    var y = ProjectOutDirection(x, [0, 5]);
    Check.AllClose("7.3", [1, 0, 3, 0], [.. y.SelectMany(r => r)], 1e-12);
    Check.AllClose("7.3", [1, 2, 3, -1], [.. x.SelectMany(r => r)], 0);
    var rng = new Random(5);
    double[][] z = [.. Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 6).Select(_ => rng.NextDouble() - 0.5).ToArray())];
    double[] dir = [.. Enumerable.Range(0, 6).Select(_ => 4 * rng.NextDouble() - 2)];
    var norm = Math.Sqrt(dir.Sum(v => v * v));
    var lib = AttributeProjection.ProjectOut(z, [dir.Select(v => v / norm).ToArray()]);
    Check.AllClose("7.3", [.. lib.SelectMany(r => r)], [.. ProjectOutDirection(z, dir).SelectMany(r => r)], 1e-10);
}

//# Exercise 7.4
{
    GroupGapRow G(string metric, double ratio, bool significant) => new(metric, "A", "B", 1, ratio, 1 - ratio, ratio, significant ? 0.001 : 0.5, 0, 1, significant);
    Check.Equal("7.4", "P@10,HR@10", string.Join(",", AuditFailures([G("NDCG@10", 0.9, true), G("P@10", 0.5, true), G("MeanError", double.NaN, true), G("HR@10", 0.79, true), G("R@10", 0.1, false)], 0.8)), "mixed gaps, input order");
    Check.Equal("7.4", "", string.Join(",", AuditFailures([G("RMSE", 0.8, true)], 0.8)), "a ratio equal to the bound passes");
    Check.Equal("7.4", 0, AuditFailures([], 0.8).Count, "no gaps");
    Check.Equal("7.4", "RMSE", string.Join(",", AuditFailures([G("RMSE", 0.95, true)], 0.99)), "a stricter bound");
}
