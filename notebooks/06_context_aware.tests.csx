// Hidden tests of 06_context_aware.ipynb: run by `reccourse grade` after the student's cells, in their state.
// Every reference answer is computed here, from the definitions in the lesson, never by the library
// member that solves the exercise (those are listed under each section as "forbidden").
static RatingTable HiddenTable(int[] users, int[] items, float[] values, int[][] context) =>
    new(users, items, values, new long[users.Length], context);

static double HiddenWelchT(double[] a, double[] b)
{
    double ma = 0, mb = 0;
    foreach (var x in a) ma += x;
    foreach (var x in b) mb += x;
    ma /= a.Length; mb /= b.Length;
    double va = 0, vb = 0;
    foreach (var x in a) va += (x - ma) * (x - ma);
    foreach (var x in b) vb += (x - mb) * (x - mb);
    va /= a.Length - 1; vb /= b.Length - 1;
    return (ma - mb) / Math.Sqrt(va / a.Length + vb / b.Length);
}

// The CAMF-CI prediction and SGD step from the lesson's formulas, on plain copies of the parameters.
sealed class HiddenCamfCi
{
    public double Mean; public int F, G, Items; public int[] Offsets = [];
    public double[] Bu = [], Bi = [], P = [], Q = [], B = [];
    public static HiddenCamfCi Of(RecCourse.Context.Camf m)
    {
        var conditions = m.Schema.Conditions.Select(c => c.Length).ToArray();
        var offsets = new int[conditions.Length];
        for (int d = 1; d < offsets.Length; d++) offsets[d] = offsets[d - 1] + conditions[d - 1];
        return new HiddenCamfCi
        {
            Mean = m.GlobalMean, F = m.Options.Factors, G = conditions.Sum(), Items = m.NumItems, Offsets = offsets,
            Bu = (double[])m.UserBias.Clone(), Bi = (double[])m.ItemBias.Clone(), P = (double[])m.UserFactors.Clone(),
            Q = (double[])m.ItemFactors.Clone(), B = (double[])m.ConditionBias.Clone(),
        };
    }
    IEnumerable<int> Slots(int i, int[] c) => Enumerable.Range(0, c.Length).Where(d => c[d] != RecCourse.Context.ContextCondition.Unknown).Select(d => i * G + Offsets[d] + c[d]);
    public double Predict(int u, int i, int[] c)
    {
        double s = Mean + Bu[u] + Bi[i];
        for (int k = 0; k < F; k++) s += P[u * F + k] * Q[i * F + k];
        foreach (int slot in Slots(i, c)) s += B[slot];
        return s;
    }
    public double Step(int u, int i, int[] c, double rating, double lr, double reg, double[] contextReg)
    {
        double e = rating - Predict(u, i, c);
        double bu = Bu[u], bi = Bi[i];
        Bu[u] = bu + lr * (e - reg * bu);
        Bi[i] = bi + lr * (e - reg * bi);
        foreach (int slot in Slots(i, c).ToArray()) B[slot] += lr * (e - contextReg[slot] * B[slot]);
        var p = P.AsSpan(u * F, F).ToArray(); var q = Q.AsSpan(i * F, F).ToArray();
        for (int k = 0; k < F; k++) { P[u * F + k] = p[k] + lr * (e * q[k] - reg * p[k]); Q[i * F + k] = q[k] + lr * (e * p[k] - reg * q[k]); }
        return e;
    }
}

// A small CAMF-CI with random parameters (so nothing depends on training), on a schema unlike the lesson's.
static RecCourse.Context.Camf HiddenRandomCamf(int users, int items, ContextSchema schema, int factors, int seed)
{
    var rng = new Random(seed);
    int n = 40;
    var table = HiddenTable(
        [.. Enumerable.Range(0, n).Select(_ => rng.Next(users))], [.. Enumerable.Range(0, n).Select(_ => rng.Next(items))],
        [.. Enumerable.Range(0, n).Select(_ => (float)(1 + rng.Next(5)))],
        [.. schema.Conditions.Select(c => Enumerable.Range(0, n).Select(_ => rng.Next(c.Length)).ToArray())]);
    var m = new RecCourse.Context.Camf(users, items, schema, RecCourse.Context.CamfVariant.CI,
        new RecCourse.Context.SgdOptions { Factors = factors, Epochs = 0, Seed = seed }, keepBaselineBiases: true).Fit(table);
    foreach (var a in new[] { m.UserBias, m.ItemBias, m.UserFactors, m.ItemFactors, m.ConditionBias })
        for (int k = 0; k < a.Length; k++) a[k] = 2 * rng.NextDouble() - 1;
    return m;
}
static int[] HiddenContext(Random rng, ContextSchema schema, double unknownShare) =>
    [.. schema.Conditions.Select(c => rng.NextDouble() < unknownShare ? RecCourse.Context.ContextCondition.Unknown : rng.Next(c.Length))];
static double HiddenMaxDiff(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max();

//# Exercise 6.1
// forbidden: RecCourse.Context.ExactPreFilter.ModelFor, RecCourse.Context.ExactPreFilter.Predict
{
    // Two dimensions (2 and 3 conditions), 8 ratings; values number the rows so order is visible.
    var t = HiddenTable([0, 1, 2, 3, 4, 5, 6, 7], [0, 0, 1, 1, 2, 2, 3, 3], [1, 2, 3, 4, 5, 1, 2, 3],
        [[0, 1, 1, 0, 1, 1, 0, 1], [2, 2, 0, 1, 2, 0, 2, 2]]);
    var both = ExactSegment(t, [1, 2]);
    Check.Equal("6.1", "1,4,7", string.Join(",", both.Users), "users of the rows in condition (1, 2), in order");
    Check.Equal("6.1", "2,5,3", string.Join(",", both.Values), "values kept with their rows");
    Check.Equal("6.1", 3, both.Context?[1].Count(c => c == 2) ?? -1, "context columns kept");
    var any = ExactSegment(t, [ExactPreFilter.Any, 0]);
    Check.Equal("6.1", "2,5", string.Join(",", any.Users), "Any (−1) in dimension 0");
    Check.Equal("6.1", "0,3,6", string.Join(",", ExactSegment(t, [0, ExactPreFilter.Any]).Users), "Any (−1) in dimension 1");
    Check.Equal("6.1", 8, ExactSegment(t, [ExactPreFilter.Any, ExactPreFilter.Any]).Count, "Any everywhere keeps all");
    Check.Equal("6.1", 0, ExactSegment(t, [0, 0]).Count, "an empty segment");
    // Unknown conditions in the data (−1) match only Any.
    var u = HiddenTable([9, 8, 7, 6, 5], [0, 1, 2, 3, 4], [5, 4, 3, 2, 1],
        [[0, RecCourse.Context.ContextCondition.Unknown, 1, RecCourse.Context.ContextCondition.Unknown, 0], [2, 2, RecCourse.Context.ContextCondition.Unknown, 0, 2]]);
    Check.Equal("6.1", "9,5", string.Join(",", ExactSegment(u, [0, 2]).Users), "rows with an unknown condition are not in a specific segment");
    Check.Equal("6.1", "9,8,5", string.Join(",", ExactSegment(u, [ExactPreFilter.Any, 2]).Users), "an unknown condition matches Any");
    Check.Equal("6.1", "7", string.Join(",", ExactSegment(u, [1, ExactPreFilter.Any]).Users), "unknown in the other dimension does not matter");
    Check.Equal("6.1", 5, ExactSegment(u, [ExactPreFilter.Any, ExactPreFilter.Any]).Count, "Any everywhere keeps the unknown rows too");
}

//# Exercise 6.2
// forbidden: RecCourse.Context.WelchTTest.Test
{
    var rng = new Random(2024);
    foreach (var (na, nb) in new[] { (2, 2), (3, 9), (12, 5), (40, 41), (7, 100), (30, 3) })
    {
        double[] a = [.. Enumerable.Range(0, na).Select(_ => 3 + 2 * rng.NextDouble())];
        double[] b = [.. Enumerable.Range(0, nb).Select(_ => 2.5 + 0.5 * rng.NextDouble())];
        double expected = HiddenWelchT(a, b), tolerance = 1e-9 * Math.Max(1, Math.Abs(expected));
        Check.Close("6.2", expected, WelchT(a, b), tolerance, $"t for n = ({na}, {nb}), unequal variances");
        Check.Close("6.2", -expected, WelchT(b, a), tolerance, $"t is antisymmetric for n = ({na}, {nb})");
        Check.Close("6.2", expected, WelchT([.. a.Select(x => x + 1000)], [.. b.Select(x => x + 1000)]), 1e-6 * Math.Max(1, Math.Abs(expected)), $"t does not change when every rating shifts by 1000, n = ({na}, {nb})");
        Check.Close("6.2", expected, WelchT([.. a.Select(x => 3 * x)], [.. b.Select(x => 3 * x)]), tolerance, $"t does not change with the scale, n = ({na}, {nb})");
    }
    // Hand values: means 2 and 5, variances 1 and 4, n = 3 and 3 → t = −3 / √(1/3 + 4/3).
    Check.Close("6.2", -3 / Math.Sqrt(5.0 / 3), WelchT([1, 2, 3], [3, 5, 7]), 1e-12, "hand example");
    // One constant sample: only the other's variance counts, t = (4 − 2.5) / √((5/3)/4).
    Check.Close("6.2", 1.5 / Math.Sqrt(5.0 / 12), WelchT([4, 4, 4], [1, 2, 3, 4]), 1e-12, "one constant sample");
    // Unequal sizes and variances: the pooled (Student) t would be 0.35, Welch's is 0.125.
    double[] small = [1, 9], large = [4, 5, 4, 5, 4, 5, 4, 5, 4, 5];
    Check.Close("6.2", HiddenWelchT(small, large), WelchT(small, large), 1e-12, "unequal sizes: Welch's, not the pooled, variance");
}

//# Exercise 6.3
// forbidden: RecCourse.Context.PostFilter.Filter, RecCourse.Context.PostFilter.Weight
{
    float[] scores = [5, 4, 3, 2, 1];
    double[] rel = [0.1, 0.5, 0.9, 0.5, 0.6];
    Check.Equal("6.3", "2,1,3", string.Join(",", PostFilterTopK(scores, rel, 0.5, 3)), "filter at 0.5 then weight");
    Check.Equal("6.3", "2,1,3,4", string.Join(",", PostFilterTopK(scores, rel, 0.5, 10)), "k larger than what survives the filter");
    Check.Equal("6.3", "2,1,3,4,0", string.Join(",", PostFilterTopK(scores, rel, 0.0, 5)), "threshold 0 keeps all, in weighted order");
    Check.Equal("6.3", "", string.Join(",", PostFilterTopK(scores, rel, 0.5, 0)), "k = 0");
    Check.Equal("6.3", "", string.Join(",", PostFilterTopK(scores, rel, 0.95, 3)), "nothing relevant enough");
    // Ties go to the lower index, whatever order the tied items come in and however the product is made.
    Check.Equal("6.3", "1,3", string.Join(",", PostFilterTopK([1, 2, 0, 2], [0.5, 0.5, 0.5, 0.5], 0.5, 2)), "ties (equal scores): lower index first");
    Check.Equal("6.3", "0,2,3", string.Join(",", PostFilterTopK([2, 0, 2, 1], [0.5, 0.5, 0.5, 0.5], 0.5, 3)), "ties at the front: lower index first");
    Check.Equal("6.3", "0,1", string.Join(",", PostFilterTopK([1, 2], [1.0, 0.5], 0.5, 2)), "equal products 1·1 and 2·0.5");
    Check.Equal("6.3", "0,1", string.Join(",", PostFilterTopK([2, 1], [0.5, 1.0], 0.5, 2)), "equal products 2·0.5 and 1·1");
    Check.Equal("6.3", "2,0,1", string.Join(",", PostFilterTopK([1, 4, 2], [0.8, 0.2, 1.0], 0.2, 3)), "the threshold itself is kept (≥)");
    var rng = new Random(7);
    for (int trial = 0; trial < 3; trial++)
    {
        int n = 200 + 50 * trial;
        float[] s = [.. Enumerable.Range(0, n).Select(_ => (float)Math.Round(5 * rng.NextDouble(), 1))];
        double[] r = [.. Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble(), 1))];
        var expected = Enumerable.Range(0, n).Where(i => r[i] >= 0.3).OrderByDescending(i => s[i] * r[i]).ThenBy(i => i).Take(15);
        Check.Equal("6.3", string.Join(",", expected), string.Join(",", PostFilterTopK(s, r, 0.3, 15)), $"top 15 of {n} random items with many ties");
    }
}

//# Exercise 6.4
// forbidden: RecCourse.Context.Camf.Predict
{
    var rng = new Random(64);
    var schema = new ContextSchema(["Weather", "Device", "Mood"], [["Sun", "Rain"], ["Phone", "TV", "Laptop", "Tablet"], ["Calm", "Busy", "Tired"]]);
    var m = HiddenRandomCamf(7, 11, schema, 3, 5);
    var reference = HiddenCamfCi.Of(m);
    bool ok = true;
    for (int trial = 0; trial < 40 && ok; trial++)
    {
        int u = rng.Next(7), i = rng.Next(11);
        int[] c = HiddenContext(rng, schema, trial < 20 ? 0 : 0.4);
        ok = Check.Close("6.4", reference.Predict(u, i, c), CamfCiPredict(m, u, i, c), 1e-9, $"user {u}, item {i}, context ({string.Join(",", c)}), schema 2 × 4 × 3, d = 3");
    }
    Check.Close("6.4", reference.Predict(3, 10, [RecCourse.Context.ContextCondition.Unknown, RecCourse.Context.ContextCondition.Unknown, RecCourse.Context.ContextCondition.Unknown]), CamfCiPredict(m, 3, 10, [RecCourse.Context.ContextCondition.Unknown, RecCourse.Context.ContextCondition.Unknown, RecCourse.Context.ContextCondition.Unknown]), 1e-9, "an all-unknown context adds no deviation");
    var single = new ContextSchema(["Season"], [["Winter", "Spring", "Summer", "Autumn", "Holiday"]]);
    var m1 = HiddenRandomCamf(4, 3, single, 1, 6);
    var reference1 = HiddenCamfCi.Of(m1);
    for (int c = 0; c < 5; c++)
        Check.Close("6.4", reference1.Predict(2, 1, [c]), CamfCiPredict(m1, 2, 1, [c]), 1e-9, $"one dimension of 5 conditions, condition {c}, d = 1");
}

//# Exercise 6.5
// forbidden: RecCourse.Context.Camf.Fit
{
    var rng = new Random(65);
    var schema = new ContextSchema(["Time", "Place"], [["Day", "Night", "Dawn"], ["In", "Out"]]);
    var m = HiddenRandomCamf(6, 9, schema, 3, 8);
    var reference = HiddenCamfCi.Of(m);
    bool ok = true;
    for (int step = 0; step < 30 && ok; step++)
    {
        int u = step % 5 == 4 ? 1 : rng.Next(6), i = step % 5 == 4 ? 2 : rng.Next(9);   // some repeated (user, item) pairs
        int[] c = HiddenContext(rng, schema, 0.3);
        double rating = 1 + rng.Next(5), lr = step == 7 ? 0 : 0.01 + 0.2 * rng.NextDouble(), reg = step == 11 ? 0 : rng.NextDouble();
        double[] contextReg = [.. Enumerable.Range(0, m.ConditionBias.Length).Select(_ => 2 * rng.NextDouble())];
        double expectedError = reference.Step(u, i, c, rating, lr, reg, contextReg);
        double error = CamfCiStep(m, u, i, c, rating, lr, reg, contextReg);
        string what = $"step {step}: user {u}, item {i}, context ({string.Join(",", c)}), rating {rating}, lr {lr:G3}, reg {reg:G3}";
        ok = Check.Close("6.5", expectedError, error, 1e-9, $"{what}: returned error")
            && Check.Close("6.5", 0, HiddenMaxDiff(reference.Bu, m.UserBias) + HiddenMaxDiff(reference.Bi, m.ItemBias), 1e-9, $"{what}: b_u and b_i")
            && Check.Close("6.5", 0, HiddenMaxDiff(reference.B, m.ConditionBias), 1e-9, $"{what}: the item × condition deviations (only known conditions move)")
            && Check.Close("6.5", 0, HiddenMaxDiff(reference.P, m.UserFactors) + HiddenMaxDiff(reference.Q, m.ItemFactors), 1e-9, $"{what}: p_u and q_i (each from the other's old value)");
    }
    // One factor, one dimension: a hand-checkable step with an unknown condition.
    var single = new ContextSchema(["Mood"], [["Calm", "Busy"]]);
    var m1 = HiddenRandomCamf(2, 2, single, 1, 9);
    var before = (double[])m1.ConditionBias.Clone();
    var r1 = HiddenCamfCi.Of(m1);
    double e1 = CamfCiStep(m1, 1, 0, [RecCourse.Context.ContextCondition.Unknown], 5, 0.1, 0.1, [1, 1, 1, 1]);
    Check.Close("6.5", r1.Step(1, 0, [RecCourse.Context.ContextCondition.Unknown], 5, 0.1, 0.1, [1, 1, 1, 1]), e1, 1e-9, "unknown condition: the error");
    Check.That("6.5", before.SequenceEqual(m1.ConditionBias), "unknown condition: no deviation changes");
    Check.Close("6.5", 0, HiddenMaxDiff(r1.P, m1.UserFactors) + HiddenMaxDiff(r1.Q, m1.ItemFactors) + HiddenMaxDiff(r1.Bu, m1.UserBias), 1e-9, "unknown condition: the other parameters still move");
}
