using RecCourse.Data;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Data;

public class SyntheticMovieLensTests
{
    private static RecDataset D => SyntheticShared.Data;

    [Fact]
    public void Has_the_configured_shape()
    {
        var o = new SyntheticOptions();
        var r = D.Ratings;
        Assert.Equal("synthetic", D.Format);
        Assert.Equal(o.NumRatings, r.Count);
        Assert.Equal(o.NumUsers, D.NumUsers);
        Assert.Equal(o.NumItems, D.NumItems);
        Assert.Equal(D.NumUsers, D.Users!.Count);
        Assert.Equal(19, D.GenreNames.Length);
        Assert.All(r.Values, v => Assert.True(v is 1f or 2f or 3f or 4f or 5f, $"rating {v}"));
        var perUser = new int[D.NumUsers];
        var pairs = new HashSet<long>();
        for (int k = 0; k < r.Count; k++)
        {
            perUser[r.Users[k]]++;
            Assert.True(pairs.Add(((long)r.Users[k] << 32) | (uint)r.Items[k]), "a (user, item) pair repeats");
        }
        Assert.All(perUser, c => Assert.True(c >= o.MinRatingsPerUser));
        for (int u = 0; u < D.NumUsers; u++) Assert.Equal((u + 1).ToString(), D.UserIds.IdAt(u));
        Assert.All(D.Users, u => Assert.Contains(u.Occupation, MovieLens100k.Occupations));
        Assert.All(D.Users, u => Assert.True(u.Gender is "M" or "F"));
        Assert.All(D.Items, it => Assert.NotEmpty(it.Genres));
    }

    [Fact]
    public void Timestamps_increase_over_a_year_and_Time_context_is_the_weekday()
    {
        var o = new SyntheticOptions();
        var r = D.Ratings;
        for (int k = 1; k < r.Count; k++) Assert.True(r.Timestamps[k] >= r.Timestamps[k - 1]);
        Assert.InRange(r.Timestamps[0], o.StartTimestamp, o.StartTimestamp + 86_400L * 30);
        Assert.InRange(r.Timestamps[^1], o.StartTimestamp + 86_400L * 300, o.StartTimestamp + 86_400L * o.DurationDays);
        Assert.Equal(new[] { "Time", "Location", "Companion" }, D.Context!.Dimensions);
        for (int k = 0; k < r.Count; k += 97)
        {
            var day = DateTimeOffset.FromUnixTimeSeconds(r.Timestamps[k]).UtcDateTime.DayOfWeek;
            Assert.Equal(day is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0, r.Context![0][k]);
        }
    }

    [Fact]
    public void Same_seed_gives_identical_data_and_another_seed_differs()
    {
        var o = new SyntheticOptions { NumUsers = 150, NumItems = 300, NumRatings = 6000 };
        var a = SyntheticMovieLens.Generate(o);
        var b = SyntheticMovieLens.Generate(o);
        var c = SyntheticMovieLens.Generate(o with { Seed = 43 });
        Assert.Equal(a.Ratings.Users, b.Ratings.Users);
        Assert.Equal(a.Ratings.Items, b.Ratings.Items);
        Assert.Equal(a.Ratings.Values, b.Ratings.Values);
        Assert.Equal(a.Ratings.Timestamps, b.Ratings.Timestamps);
        for (int d = 0; d < 3; d++) Assert.Equal(a.Ratings.Context![d], b.Ratings.Context![d]);
        Assert.Equal(a.Users, b.Users);
        Assert.NotEqual(a.Ratings.Items, c.Ratings.Items);
    }

    [Fact]
    public void Popularity_is_heavy_tailed_and_follows_the_planted_ranks()
    {
        var t = D.Truth!;
        var counts = UserItemIndex.Build(D).ItemCounts();
        var sorted = counts.OrderDescending().ToArray();
        double top10 = sorted.Take(D.NumItems / 10).Sum() / (double)D.Ratings.Count;
        Assert.InRange(top10, 0.30, 0.80); // ml-100k: 0.43
        // Observed counts fall with the planted rank: Spearman correlation strongly negative.
        double rho = Spearman(t.PopularityRank.Select(x => (double)x).ToArray(), counts.Select(x => (double)x).ToArray());
        Assert.True(rho < -0.8, $"Spearman(rank, count) = {rho}");
    }

    [Fact]
    public void Genres_are_tied_to_item_factors()
    {
        var t = D.Truth!;
        int d = t.Options.Factors;
        for (int g = 1; g < 19; g++)
        {
            var members = Enumerable.Range(0, D.NumItems).Where(i => D.Items[i].Genres.Contains(g)).ToArray();
            if (members.Length < 15) continue;
            var mean = new double[d];
            foreach (int i in members) for (int f = 0; f < d; f++) mean[f] += t.ItemFactors[i][f] / members.Length;
            double cos = Cosine(mean, t.GenreFactors[g]);
            Assert.True(cos > 0.6, $"genre {D.GenreNames[g]}: cos(mean item factor, genre factor) = {cos}");
        }
    }

    [Fact]
    public void The_planted_gender_difference_is_visible_in_the_ratings()
    {
        var t = D.Truth!; var r = D.Ratings;
        foreach (var g in t.GroupEffects)
        {
            // Difference in differences: (group − others) on the genre minus the same off the genre.
            double[] sum = new double[4]; int[] n = new int[4];
            for (int k = 0; k < r.Count; k++)
            {
                int cell = (g.AppliesTo(D.Users![r.Users[k]]) ? 0 : 1) + (D.Items[r.Items[k]].Genres.Contains(g.GenreIndex) ? 0 : 2);
                sum[cell] += r.Values[k]; n[cell]++;
            }
            double did = (sum[0] / n[0] - sum[1] / n[1]) - (sum[2] / n[2] - sum[3] / n[3]);
            Assert.True(did > 0.5 * g.Delta, $"{g}: difference in differences {did}");
        }
    }

    [Fact]
    public void Planted_context_effects_show_on_their_items_and_not_elsewhere()
    {
        var t = D.Truth!; var r = D.Ratings;
        var affected = new HashSet<int>(t.ContextEffects.SelectMany(e => e.Items));
        foreach (var e in t.ContextEffects)
        {
            var (inside, outside) = MeanByCondition(r, e.DimensionIndex, e.ConditionIndex, new HashSet<int>(e.Items));
            Assert.True(Math.Sign(inside - outside) == Math.Sign(e.Delta) && Math.Abs(inside - outside) > 0.5 * Math.Abs(e.Delta),
                $"{e}: in-condition mean {inside:F3}, others {outside:F3}");
            // Items with no planted effect show (almost) none for this condition.
            var clean = new HashSet<int>(Enumerable.Range(0, D.NumItems).Where(i => !affected.Contains(i)));
            var (ci, co) = MeanByCondition(r, e.DimensionIndex, e.ConditionIndex, clean);
            Assert.True(Math.Abs(ci - co) < 0.1, $"{e}: unaffected items differ by {ci - co:F3}");
        }
    }

    [Fact]
    public void A_welch_t_test_per_item_finds_the_item_specific_context_effects()
    {
        // What CARS item splitting does: for each item and condition, Welch's t of the condition against the rest.
        var t = D.Truth!; var r = D.Ratings; var schema = D.Context!;
        var byItem = Enumerable.Range(0, r.Count).GroupBy(k => r.Items[k]).ToDictionary(g => g.Key, g => g.ToArray());
        double Welch(int item, int dim, int cond)
        {
            var a = byItem[item].Where(k => r.Context![dim][k] == cond).Select(k => (double)r.Values[k]).ToArray();
            var b = byItem[item].Where(k => r.Context![dim][k] != cond).Select(k => (double)r.Values[k]).ToArray();
            if (a.Length < 2 || b.Length < 2) return 0;
            double ma = a.Average(), mb = b.Average();
            double va = a.Sum(x => (x - ma) * (x - ma)) / (a.Length - 1), vb = b.Sum(x => (x - mb) * (x - mb)) / (b.Length - 1);
            double se = Math.Sqrt(va / a.Length + vb / b.Length);
            return se == 0 ? 0 : (ma - mb) / se;
        }
        var planted = t.ContextEffects.Where(e => e.Genre is null).ToArray();
        foreach (var e in planted)
            foreach (int i in e.Items)
                Assert.True(Math.Sign(Welch(i, e.DimensionIndex, e.ConditionIndex)) == Math.Sign(e.Delta) && Math.Abs(Welch(i, e.DimensionIndex, e.ConditionIndex)) > 3,
                    $"{e}: item {i} has t = {Welch(i, e.DimensionIndex, e.ConditionIndex):F2}");
        // Among the other popular items (not Children's, no planted effect) strong splits are rare.
        var affected = new HashSet<int>(t.ContextEffects.SelectMany(e => e.Items));
        var others = byItem.Where(kv => kv.Value.Length >= 100 && !affected.Contains(kv.Key)).Select(kv => kv.Key).ToArray();
        int tests = 0, strong = 0;
        foreach (int i in others)
            for (int dim = 0; dim < schema.Dimensions.Length; dim++)
                for (int c = 0; c < schema.Conditions[dim].Length; c++) { tests++; if (Math.Abs(Welch(i, dim, c)) > 3) strong++; }
        Assert.True(tests > 100, $"only {tests} tests");
        Assert.True(strong <= Math.Max(2, tests / 100), $"{strong} of {tests} unplanted item/condition pairs have |t| > 3");
    }

    [Fact]
    public void Expected_ratings_match_the_truth_and_sit_a_noise_level_from_the_stars()
    {
        var t = D.Truth!; var r = D.Ratings;
        Span<int> c = stackalloc int[3];
        for (int k = 0; k < r.Count; k += 501)
        {
            for (int d = 0; d < 3; d++) c[d] = r.Context![d][k];
            Approx.AssertClose(t.ExpectedRatings[k], t.ExpectedRating(r.Users[k], r.Items[k], c), 1e-12, 1e-12, $"row {k}");
        }
        double se = 0;
        for (int k = 0; k < r.Count; k++) { double e = Math.Clamp(t.ExpectedRatings[k], 1, 5) - r.Values[k]; se += e * e; }
        double rmse = Math.Sqrt(se / r.Count);
        // Noise σ = 0.6 plus rounding to whole stars (variance +1/12), minus what clipping removes.
        Assert.InRange(rmse, 0.5, 0.7);
    }

    [Fact]
    public void Ratings_are_learnable_a_small_matrix_factorisation_beats_the_global_mean()
    {
        var (train, test) = Splits.RandomHoldout(D.Ratings, 0.2, seed: 5);
        double mu = train.Mean();
        double baseline = Rmse(test, (_, _) => mu);
        // Plain SGD on biases + 8 factors: a reference learner, not the kit's model.
        int d = 8; var rng = new RecRandom(9);
        var bu = new double[D.NumUsers]; var bi = new double[D.NumItems];
        var p = new double[D.NumUsers * d]; var q = new double[D.NumItems * d];
        for (int k = 0; k < p.Length; k++) p[k] = 0.1 * rng.NextGaussian();
        for (int k = 0; k < q.Length; k++) q[k] = 0.1 * rng.NextGaussian();
        double Predict(int u, int i) { double s = mu + bu[u] + bi[i]; for (int f = 0; f < d; f++) s += p[u * d + f] * q[i * d + f]; return s; }
        for (int epoch = 0; epoch < 25; epoch++)
            for (int k = 0; k < train.Count; k++)
            {
                int u = train.Users[k], i = train.Items[k];
                double e = train.Values[k] - Predict(u, i);
                const double lr = 0.01, reg = 0.03;
                bu[u] += lr * (e - reg * bu[u]); bi[i] += lr * (e - reg * bi[i]);
                for (int f = 0; f < d; f++)
                {
                    double pu = p[u * d + f], qi = q[i * d + f];
                    p[u * d + f] += lr * (e * qi - reg * pu); q[i * d + f] += lr * (e * pu - reg * qi);
                }
            }
        double mf = Rmse(test, Predict);
        Assert.True(mf < 0.9 * baseline, $"MF RMSE {mf:F4} vs global mean {baseline:F4}");
    }

    [Fact]
    public void Bad_options_name_the_setting()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticMovieLens.Generate(new SyntheticOptions { NumRatings = 10 }));
        Assert.Equal("NumRatings", e.ParamName);
    }

    private static double Rmse(RatingTable t, Func<int, int, double> predict)
    {
        double se = 0;
        for (int k = 0; k < t.Count; k++) { double e = t.Values[k] - predict(t.Users[k], t.Items[k]); se += e * e; }
        return Math.Sqrt(se / t.Count);
    }

    private static (double Inside, double Outside) MeanByCondition(RatingTable r, int dim, int cond, HashSet<int> items)
    {
        double si = 0, so = 0; int ni = 0, no = 0;
        for (int k = 0; k < r.Count; k++)
        {
            if (!items.Contains(r.Items[k])) continue;
            if (r.Context![dim][k] == cond) { si += r.Values[k]; ni++; } else { so += r.Values[k]; no++; }
        }
        return (si / ni, so / no);
    }

    private static double Cosine(double[] a, double[] b)
    {
        double ab = 0, aa = 0, bb = 0;
        for (int k = 0; k < a.Length; k++) { ab += a[k] * b[k]; aa += a[k] * a[k]; bb += b[k] * b[k]; }
        return ab / Math.Sqrt(aa * bb);
    }

    private static double Spearman(double[] x, double[] y)
    {
        double[] Rank(double[] v)
        {
            var idx = Enumerable.Range(0, v.Length).OrderBy(k => v[k]).ToArray();
            var rank = new double[v.Length];
            for (int s = 0; s < idx.Length;)
            {
                int e = s; while (e + 1 < idx.Length && v[idx[e + 1]] == v[idx[s]]) e++;
                for (int k = s; k <= e; k++) rank[idx[k]] = (s + e) / 2.0;
                s = e + 1;
            }
            return rank;
        }
        var rx = Rank(x); var ry = Rank(y);
        double mx = rx.Average(), my = ry.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int k = 0; k < x.Length; k++) { sxy += (rx[k] - mx) * (ry[k] - my); sxx += (rx[k] - mx) * (rx[k] - mx); syy += (ry[k] - my) * (ry[k] - my); }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
