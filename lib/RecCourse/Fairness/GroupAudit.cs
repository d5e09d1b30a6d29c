using MathNet.Numerics.Statistics;
using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Fairness;

/// <summary>
/// Group audits in the style of Ekstrand et al. (2018), "All the cool kids, how do they fit in?":
/// the same metrics computed separately for each user group, the gap between the best- and the
/// worst-served group, and whether that gap is larger than chance.
/// <para>Users are the unit of every statistic. Rating metrics pool a group's ratings
/// (RMSE = √(Σ e² / n) over the group's test ratings); ranking metrics average per-user values. The
/// significance test permutes group labels between users and recomputes max − min, so it makes no
/// normality assumption and works for any number of groups; the intervals resample users within
/// each group (percentile bootstrap).</para>
/// </summary>
public static class GroupAudit
{
    /// <summary>Rating metric names, in report order.</summary>
    public const string Rmse = "RMSE", Mae = "MAE", MeanError = "MeanError", MeanRating = "MeanRating", MeanPrediction = "MeanPrediction";

    /// <summary>
    /// Audits <paramref name="model"/> on <paramref name="test"/>: RMSE, MAE, mean signed error
    /// (prediction − rating: &gt; 0 over-estimates the group), mean rating and mean prediction; then
    /// NDCG@K, P@K, R@K and HR@K of the top-K over all items not in <paramref name="train"/>, with test
    /// ratings ≥ <see cref="GroupAuditOptions.RelevanceThreshold"/> relevant (users without a relevant
    /// test item are left out of the ranking metrics).
    /// </summary>
    /// <param name="groupOf">Group of each user index (null = leave the user out), e.g. <see cref="UserGroups.Gender"/>.</param>
    /// <param name="attribute">Name of the grouping for the report, e.g. "gender".</param>
    /// <param name="train">Ratings to exclude from the top-K lists; null ranks every item.</param>
    public static GroupAuditResult Run(IRecommender model, RatingTable test, Func<int, string?> groupOf, string attribute = "group",
        RatingTable? train = null, GroupAuditOptions? options = null, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(groupOf);
        options ??= new GroupAuditOptions();
        options.Validate();
        int nu = model.NumUsers;
        var filter = options.ItemFilter;

        var sq = new double[nu]; var abs = new double[nu]; var err = new double[nu]; var rating = new double[nu]; var pred = new double[nu]; var n = new double[nu];
        var relevant = new HashSet<int>[nu];
        for (int r = 0; r < test.Count; r++)
        {
            int u = test.Users[r], i = test.Items[r];
            if ((uint)u >= (uint)nu || (uint)i >= (uint)model.NumItems)
                throw new ArgumentException($"Test row {r} has (user {u}, item {i}) outside the model's {nu} users × {model.NumItems} items.", nameof(test));
            if (filter is not null && !filter(i)) continue;
            double p = model.Predict(u, i), y = test.Values[r], e = p - y;
            sq[u] += e * e; abs[u] += Math.Abs(e); err[u] += e; rating[u] += y; pred[u] += p; n[u]++;
            if (y >= options.RelevanceThreshold) (relevant[u] ??= new HashSet<int>()).Add(i);
        }

        var rows = new List<GroupMetricRow>();
        var gaps = new List<GroupGapRow>();
        void Add((IReadOnlyList<GroupMetricRow> Rows, GroupGapRow? Gap) c)
        {
            rows.AddRange(c.Rows);
            if (c.Gap is not null) gaps.Add(c.Gap);
        }
        Add(Compare(Rmse, sq, n, groupOf, options, Math.Sqrt));
        Add(Compare(Mae, abs, n, groupOf, options));
        Add(Compare(MeanError, err, n, groupOf, options));
        Add(Compare(MeanRating, rating, n, groupOf, options));
        Add(Compare(MeanPrediction, pred, n, groupOf, options));

        var seen = train is null ? null : RecommendationLists.SeenSets(train, nu);
        var ranking = RankingPerUser.Compute(model, relevant, seen, options.K);
        int k = options.K;
        Add(Compare($"NDCG@{k}", ranking.Ndcg, ranking.Weight, groupOf, options));
        Add(Compare($"P@{k}", ranking.Precision, ranking.Weight, groupOf, options));
        Add(Compare($"R@{k}", ranking.Recall, ranking.Weight, groupOf, options));
        Add(Compare($"HR@{k}", ranking.HitRate, ranking.Weight, groupOf, options));
        return new GroupAuditResult(attribute, scope ?? "model on test ratings", rows, gaps);
    }

    /// <summary>
    /// A data-only audit (no model): each group's mean rating in <paramref name="ratings"/>, e.g. of one
    /// genre via <see cref="GroupAuditOptions.ItemFilter"/>. This is how a planted or real preference
    /// difference between groups shows before any model is trained.
    /// </summary>
    public static GroupAuditResult RatingAverages(RatingTable ratings, int numUsers, Func<int, string?> groupOf, string attribute = "group",
        GroupAuditOptions? options = null, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        options ??= new GroupAuditOptions();
        options.Validate();
        var sum = new double[numUsers]; var n = new double[numUsers];
        for (int r = 0; r < ratings.Count; r++)
        {
            int u = ratings.Users[r];
            if ((uint)u >= (uint)numUsers) throw new ArgumentException($"Rating row {r} has user {u}, outside [0, {numUsers}).", nameof(ratings));
            if (options.ItemFilter is not null && !options.ItemFilter(ratings.Items[r])) continue;
            sum[u] += ratings.Values[r]; n[u]++;
        }
        var (rows, gap) = Compare(MeanRating, sum, n, groupOf, options);
        return new GroupAuditResult(attribute, scope ?? "ratings", rows, gap is null ? [] : [gap]);
    }

    /// <summary>
    /// Sweeps item groups (e.g. every genre) for user-group gaps: for each item group, the per-user-group
    /// mean rating (no <paramref name="model"/>) or mean signed error prediction − rating (with a model:
    /// a negative value means the model under-rates that user group on those items), the permutation
    /// p-value, and the Holm–Bonferroni adjusted p-value, because testing 18 genres at α = 0.05 would
    /// otherwise flag about one by chance. Rows are sorted by adjusted p.
    /// </summary>
    /// <param name="itemGroups">Named item predicates, e.g. one per genre.</param>
    public static IReadOnlyList<ItemGroupGapRow> AcrossItemGroups(RatingTable ratings, int numUsers, Func<int, string?> groupOf,
        IReadOnlyList<(string Name, Func<int, bool> Items)> itemGroups, IRecommender? model = null, GroupAuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(itemGroups);
        options ??= new GroupAuditOptions();
        options.Validate();
        string metric = model is null ? MeanRating : MeanError;
        var raw = new List<(string Name, GroupGapRow Gap, int Ratings, double Signed)>();
        foreach (var (name, items) in itemGroups)
        {
            var sum = new double[numUsers]; var n = new double[numUsers];
            for (int r = 0; r < ratings.Count; r++)
            {
                int u = ratings.Users[r], i = ratings.Items[r];
                if ((uint)u >= (uint)numUsers) throw new ArgumentException($"Rating row {r} has user {u}, outside [0, {numUsers}).", nameof(ratings));
                if (!items(i)) continue;
                sum[u] += model is null ? ratings.Values[r] : model.Predict(u, i) - ratings.Values[r];
                n[u]++;
            }
            var (rows, gap) = Compare(metric, sum, n, groupOf, options);
            if (gap is null) continue;
            double signed = rows.Count >= 2 ? rows[0].Value - rows[1].Value : double.NaN;
            raw.Add((name, gap, (int)n.Sum(), signed));
        }
        var adjusted = HolmAdjust(raw.Select(t => t.Gap.PValue).ToArray());
        return raw.Select((t, k) => new ItemGroupGapRow(t.Name, metric, t.Gap.HighGroup, t.Gap.LowGroup, t.Gap.Difference, t.Signed,
                t.Ratings, t.Gap.PValue, adjusted[k], adjusted[k] < options.Alpha))
            .OrderBy(r => r.AdjustedP).ThenByDescending(r => r.Difference).ToList();
    }

    /// <summary>
    /// Holm–Bonferroni step-down adjustment: the k-th smallest of m p-values is multiplied by (m − k + 1),
    /// made monotone, and capped at 1. Controls the family-wise error rate at α under any dependence.
    /// </summary>
    public static double[] HolmAdjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        int m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(k => pValues[k]).ToArray();
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }

    /// <summary>
    /// The core of every audit, usable for any per-user metric: group g's value is
    /// transform(Σ_{u∈g} numerator[u] / Σ_{u∈g} weight[u]). Users with weight 0 or a null group are left out.
    /// For a per-user average metric (e.g. NDCG) pass the per-user values and weight 1; for a pooled
    /// one (e.g. MSE) pass per-user sums and counts.
    /// </summary>
    /// <param name="numerator">Per-user sums, indexed by user (length = users).</param>
    /// <param name="weight">Per-user weights ≥ 0, same length.</param>
    /// <param name="transform">Applied to the pooled mean (e.g. <see cref="Math.Sqrt"/> for RMSE); identity when null.</param>
    /// <returns>Per-group rows and the gap (null with fewer than two groups of enough users).</returns>
    public static (IReadOnlyList<GroupMetricRow> Rows, GroupGapRow? Gap) Compare(string metric, double[] numerator, double[] weight,
        Func<int, string?> groupOf, GroupAuditOptions? options = null, Func<double, double>? transform = null)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(groupOf);
        if (numerator.Length != weight.Length) throw new ArgumentException($"numerator has {numerator.Length} users, weight has {weight.Length}.", nameof(weight));
        options ??= new GroupAuditOptions();
        options.Validate();
        transform ??= static x => x;

        var users = new List<int>(); var labels = new List<string>();
        for (int u = 0; u < numerator.Length; u++)
        {
            if (!(weight[u] > 0)) continue;
            if (groupOf(u) is not { } g) continue;
            users.Add(u); labels.Add(g);
        }
        var names = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((g, k) => (g, k)).ToDictionary(t => t.g, t => t.k);
        int[] label = labels.Select(g => index[g]).ToArray();
        double[] num = users.Select(u => numerator[u]).ToArray(), w = users.Select(u => weight[u]).ToArray();
        int groups = names.Length;
        var members = Enumerable.Range(0, groups).Select(g => Enumerable.Range(0, label.Length).Where(k => label[k] == g).ToArray()).ToArray();
        bool[] eligible = members.Select(m => m.Length >= options.MinGroupUsers).ToArray();

        double[] observed = GroupValues(num, w, label, groups, transform);
        var rng = new Random(options.Seed);

        // Percentile bootstrap: resample users within each group, group identities fixed.
        var boot = new double[groups][];
        for (int g = 0; g < groups; g++) boot[g] = new double[options.Bootstraps];
        for (int b = 0; b < options.Bootstraps; b++)
            for (int g = 0; g < groups; g++)
            {
                double sn = 0, sw = 0;
                var m = members[g];
                for (int s = 0; s < m.Length; s++) { int k = m[rng.Next(m.Length)]; sn += num[k]; sw += w[k]; }
                boot[g][b] = sw > 0 ? transform(sn / sw) : double.NaN;
            }

        var rows = new List<GroupMetricRow>(groups);
        for (int g = 0; g < groups; g++)
            rows.Add(new GroupMetricRow(metric, names[g], members[g].Length, members[g].Sum(k => w[k]), observed[g],
                boot[g].Quantile(0.025), boot[g].Quantile(0.975)));

        var candidates = Enumerable.Range(0, groups).Where(g => eligible[g]).ToArray();
        if (candidates.Length < 2) return (rows, null);
        int high = candidates.MaxBy(g => observed[g]), low = candidates.MinBy(g => observed[g]);
        double difference = observed[high] - observed[low];

        // Permutation test: how often does shuffling labels between users give as large a max − min?
        int atLeast = 0;
        var shuffled = (int[])label.Clone();
        for (int p = 0; p < options.Permutations; p++)
        {
            rng.Shuffle(shuffled);
            var values = GroupValues(num, w, shuffled, groups, transform);
            double max = candidates.Max(g => values[g]), min = candidates.Min(g => values[g]);
            if (max - min >= difference - 1e-12) atLeast++;
        }
        double pValue = (atLeast + 1.0) / (options.Permutations + 1.0);
        var diffs = Enumerable.Range(0, options.Bootstraps).Select(b => boot[high][b] - boot[low][b]).ToArray();
        double ratio = observed[low] >= 0 && observed[high] > 0 ? observed[low] / observed[high] : double.NaN;
        var gap = new GroupGapRow(metric, names[high], names[low], observed[high], observed[low], difference, ratio,
            pValue, diffs.Quantile(0.025), diffs.Quantile(0.975), pValue < options.Alpha);
        return (rows, gap);
    }

    private static double[] GroupValues(double[] num, double[] w, int[] label, int groups, Func<double, double> transform)
    {
        var sn = new double[groups]; var sw = new double[groups];
        for (int k = 0; k < label.Length; k++) { sn[label[k]] += num[k]; sw[label[k]] += w[k]; }
        var v = new double[groups];
        for (int g = 0; g < groups; g++) v[g] = sw[g] > 0 ? transform(sn[g] / sw[g]) : double.NaN;
        return v;
    }
}
