using System.Globalization;

namespace RecCourse.Data;

/// <summary>
/// The offline default data set: a deterministic, MovieLens-100k-shaped set of ratings with planted,
/// documented ground truth (<see cref="SyntheticTruth"/>, also on <see cref="RecDataset.Truth"/>).
/// See lib/RecCourse/Data/README.md for the generative story.
/// </summary>
public static class SyntheticMovieLens
{
    /// <summary>Context dimensions of every synthetic rating, condition order as listed.</summary>
    public static ContextSchema ContextSchema { get; } = new(
        ["Time", "Location", "Companion"],
        [["Weekday", "Weekend"], ["Cinema", "Home"], ["Alone", "Family", "Partner"]]);

    // Share of items carrying each genre, close to ml-100k's u.item ("unknown" is never planted).
    private static readonly double[] GenreRates =
        [0, .15, .08, .025, .07, .30, .06, .03, .43, .013, .014, .055, .033, .036, .147, .06, .149, .042, .016];

    // ml-100k's occupation counts (u.user), in MovieLens100k.Occupations order.
    private static readonly int[] OccupationCounts =
        [79, 28, 7, 95, 67, 18, 32, 16, 7, 12, 51, 26, 9, 105, 66, 14, 12, 31, 196, 27, 45];

    private const double GlobalBias = 2.68, UserBiasStd = 0.5, ItemBiasStd = 0.4, ItemBiasPopularity = 0.25;
    private const double UserFactorStd = 0.35, ItemGenreWeight = 0.5, ItemNoiseWeight = 0.5;
    private const double ProbabilityFemale = 0.29, ProbabilityCinema = 0.35;
    private static readonly double[] CompanionProbabilities = [0.40, 0.25, 0.35];
    private const double ChildrensFamilyDelta = 0.8;

    /// <summary>The data set for <paramref name="seed"/> with every other setting at its default.</summary>
    public static RecDataset Generate(int seed) => Generate(new SyntheticOptions { Seed = seed });

    /// <summary>
    /// Generates the data set. Ratings are sorted by timestamp (ties by user, then item); user i has
    /// raw id i + 1 and item i raw id i + 1, as in ml-100k. The result carries its
    /// <see cref="RecDataset.Truth"/>. Takes well under a second for the defaults.
    /// </summary>
    public static RecDataset Generate(SyntheticOptions? options = null)
    {
        var o = options ?? new SyntheticOptions();
        o.Validate();
        int nu = o.NumUsers, ni = o.NumItems, d = o.Factors;

        // Each stage draws from its own stream so that changing one stage leaves the others intact.
        RecRandom Stage(int k) => new(unchecked((ulong)(long)o.Seed * 0x9E3779B97F4A7C15UL + (ulong)k));

        // 1. Items: genres, genre factors, item factors.
        var rng = Stage(1);
        int ng = GenreRates.Length;
        var genreFactors = new double[ng][];
        for (int g = 0; g < ng; g++)
        {
            genreFactors[g] = new double[d];
            if (g > 0) for (int f = 0; f < d; f++) genreFactors[g][f] = rng.NextGaussian();
        }
        var itemGenres = new int[ni][];
        var itemFactors = new double[ni][];
        var items = new ItemInfo[ni];
        var itemIds = new IdIndex();
        for (int i = 0; i < ni; i++)
        {
            var gs = new List<int>(3);
            for (int g = 1; g < ng; g++) if (rng.NextBool(GenreRates[g])) gs.Add(g);
            if (gs.Count == 0) gs.Add(rng.NextBool(0.5) ? 8 : 5); // Drama or Comedy, as most films
            itemGenres[i] = [.. gs];
            var q = new double[d];
            double norm = Math.Sqrt(gs.Count);
            for (int f = 0; f < d; f++)
            {
                double genre = 0;
                foreach (int g in gs) genre += genreFactors[g][f];
                q[f] = ItemGenreWeight * genre / norm + ItemNoiseWeight * rng.NextGaussian();
            }
            itemFactors[i] = q;
            // Release years skew recent, as in MovieLens (most films 1990–1998).
            int year = rng.NextBool(0.7) ? 1990 + rng.NextInt(9) : 1930 + rng.NextInt(60);
            string id = (i + 1).ToString(CultureInfo.InvariantCulture);
            items[i] = new ItemInfo($"Synthetic Movie {id} ({year})", year, itemGenres[i]);
            itemIds.GetOrAdd(id);
        }

        // 2. Popularity: a random permutation gives each item a rank; weight ∝ (rank + 10)^−a.
        rng = Stage(2);
        var rankToItem = new int[ni];
        for (int i = 0; i < ni; i++) rankToItem[i] = i;
        rng.Shuffle(rankToItem.AsSpan());
        var popRank = new int[ni];
        for (int r = 0; r < ni; r++) popRank[rankToItem[r]] = r;
        var popularity = new double[ni];
        double popSum = 0;
        for (int i = 0; i < ni; i++) popSum += popularity[i] = DeterministicMath.Pow(popRank[i] + 10, -o.PopularityExponent);
        for (int i = 0; i < ni; i++) popularity[i] /= popSum;
        // Item bias: noise plus a share of standardised log popularity.
        var logPop = new double[ni];
        double lpMean = 0, lpVar = 0;
        for (int i = 0; i < ni; i++) lpMean += logPop[i] = DeterministicMath.Log(popularity[i]);
        lpMean /= ni;
        for (int i = 0; i < ni; i++) lpVar += (logPop[i] - lpMean) * (logPop[i] - lpMean);
        double lpStd = Math.Sqrt(lpVar / ni);
        var itemBias = new double[ni];
        for (int i = 0; i < ni; i++)
            itemBias[i] = ItemBiasStd * rng.NextGaussian() + ItemBiasPopularity * (lpStd > 0 ? (logPop[i] - lpMean) / lpStd : 0);

        // 3. Users: demographics, biases, factors.
        rng = Stage(3);
        var users = new UserInfo[nu];
        var userIds = new IdIndex();
        var userBias = new double[nu];
        var userFactors = new double[nu][];
        int occTotal = OccupationCounts.Sum();
        for (int u = 0; u < nu; u++)
        {
            string gender = rng.NextBool(ProbabilityFemale) ? "F" : "M";
            int occ = 0;
            for (int pick = rng.NextInt(occTotal); pick >= OccupationCounts[occ]; occ++) pick -= OccupationCounts[occ];
            string occupation = MovieLens100k.Occupations[occ];
            int age = occupation == "student"
                ? 14 + rng.NextInt(14)
                : Math.Clamp((int)Math.Round(36 + 11 * rng.NextGaussian()), 7, 73);
            string zip = rng.NextInt(100_000).ToString("D5", CultureInfo.InvariantCulture);
            users[u] = new UserInfo(age, gender, occupation, zip);
            userIds.GetOrAdd((u + 1).ToString(CultureInfo.InvariantCulture));
            userBias[u] = UserBiasStd * rng.NextGaussian();
            var p = new double[d];
            for (int f = 0; f < d; f++) p[f] = UserFactorStd * rng.NextGaussian();
            userFactors[u] = p;
        }

        // 4. Planted effects.
        rng = Stage(4);
        var groupEffects = new List<GroupEffect>
        {
            new("Gender", "F", "Romance", 14, o.GroupEffectSize),
            new("Gender", "M", "Action", 1, o.GroupEffectSize * 2 / 3),
        };
        var contextEffects = new List<ContextEffect>();
        {
            // Item-specific effects sit on fairly popular items (ranks 10–10+6k) so each has enough
            // ratings in every condition for a t-test; the three item sets are disjoint.
            int k = o.ItemsPerContextEffect;
            var candidates = rankToItem.AsSpan(10, Math.Min(6 * k * 3, ni - 10)).ToArray();
            rng.Shuffle(candidates.AsSpan());
            int[] Take(int set) { var s = candidates.AsSpan(set * k, k).ToArray(); Array.Sort(s); return s; }
            contextEffects.Add(new("Location", 1, "Cinema", 0, null, Take(0), o.ContextEffectSize));
            contextEffects.Add(new("Time", 0, "Weekend", 1, null, Take(1), o.ContextEffectSize));
            contextEffects.Add(new("Companion", 2, "Partner", 2, null, Take(2), -o.ContextEffectSize));
            var childrens = Enumerable.Range(0, ni).Where(i => Array.IndexOf(itemGenres[i], 4) >= 0).ToArray();
            contextEffects.Add(new("Companion", 2, "Family", 1, "Children's", childrens, ChildrensFamilyDelta));
        }

        SyntheticTruth Truth(double[] expectedRatings) => new()
        {
            Options = o, GlobalBias = GlobalBias, UserFactors = userFactors, ItemFactors = itemFactors,
            GenreFactors = genreFactors, UserBias = userBias, ItemBias = itemBias, ItemPopularity = popularity,
            PopularityRank = popRank, GroupEffects = groupEffects, ContextEffects = contextEffects,
            ExpectedRatings = expectedRatings, Users = users, ItemGenres = itemGenres,
        };
        // A draft without per-rating values, so step 6 can evaluate preferences.
        var truth = Truth([]);

        // 5. How many ratings each user gives: a floor plus a heavy-tailed (log-normal) share of the rest.
        rng = Stage(5);
        var counts = AllocateCounts(o, rng);

        // 6. Which items, when, in which context, and the stars.
        var rngChoice = Stage(6);
        var rngRating = Stage(7);
        int n = o.NumRatings;
        var rUsers = new int[n]; var rItems = new int[n]; var rValues = new float[n]; var rTimes = new long[n];
        var ctx = new[] { new int[n], new int[n], new int[n] };
        var expected = new double[n];
        var weights = new double[ni];
        var fenwick = new double[ni + 1];
        var taken = new bool[ni];
        var chosen = new int[ni];
        long yearSeconds = o.DurationDays * 86_400L;
        int row = 0;
        Span<int> c = stackalloc int[3];
        for (int u = 0; u < nu; u++)
        {
            for (int i = 0; i < ni; i++)
                weights[i] = popularity[i] * DeterministicMath.Exp(o.ChoiceAffinity * truth.Preference(u, i));
            int m = SampleWithoutReplacement(weights, counts[u], fenwick, taken, chosen, rngChoice);
            // A user is active in one window of the year.
            long start = o.StartTimestamp + (long)(rngChoice.NextDouble() * 0.85 * yearSeconds);
            long length = 3_600 + (long)((0.02 + 0.98 * rngChoice.NextDouble()) * (o.StartTimestamp + yearSeconds - start - 3_600));
            for (int k = 0; k < m; k++)
            {
                int i = chosen[k];
                taken[i] = false;
                long t = start + (long)(rngRating.NextDouble() * length);
                c[0] = IsWeekend(t) ? 1 : 0;
                c[1] = rngRating.NextBool(ProbabilityCinema) ? 0 : 1;
                double pc = rngRating.NextDouble();
                c[2] = pc < CompanionProbabilities[0] ? 0 : pc < CompanionProbabilities[0] + CompanionProbabilities[1] ? 1 : 2;
                double mean = truth.ExpectedRating(u, i, c);
                double x = mean + o.NoiseStd * rngRating.NextGaussian();
                rUsers[row] = u; rItems[row] = i; rTimes[row] = t; expected[row] = mean;
                rValues[row] = (float)Math.Clamp(Math.Round(x, MidpointRounding.AwayFromZero), 1, 5);
                for (int dd = 0; dd < 3; dd++) ctx[dd][row] = c[dd];
                row++;
            }
        }

        // 7. Chronological order (ties by user, then item), as a log would be.
        var order = new int[n];
        for (int k = 0; k < n; k++) order[k] = k;
        Array.Sort(order, (a, b) =>
        {
            int cmp = rTimes[a].CompareTo(rTimes[b]);
            if (cmp == 0) cmp = rUsers[a].CompareTo(rUsers[b]);
            return cmp != 0 ? cmp : rItems[a].CompareTo(rItems[b]);
        });
        var table = new RatingTable(rUsers, rItems, rValues, rTimes, ctx).Subset(order);
        var sortedExpected = new double[n];
        for (int k = 0; k < n; k++) sortedExpected[k] = expected[order[k]];

        truth = Truth(sortedExpected);
        return new RecDataset
        {
            Name = $"synthetic (seed {o.Seed})", Format = "synthetic", Ratings = table,
            UserIds = userIds, ItemIds = itemIds, Items = items, Users = users,
            GenreNames = [.. MovieLens100k.GenreNames], Context = ContextSchema, Truth = truth,
        };
    }

    /// <summary>Saturday or Sunday in UTC (1970-01-01 was a Thursday).</summary>
    internal static bool IsWeekend(long unixSeconds)
    {
        long days = unixSeconds >= 0 ? unixSeconds / 86_400L : (unixSeconds - 86_399L) / 86_400L;
        long dow = ((days + 4) % 7 + 7) % 7; // 0 = Sunday
        return dow is 0 or 6;
    }

    private static int[] AllocateCounts(SyntheticOptions o, RecRandom rng)
    {
        int nu = o.NumUsers;
        int cap = Math.Min(o.NumItems / 2, Math.Max(o.MinRatingsPerUser, o.NumItems * 2 / 5));
        var activity = new double[nu];
        double sum = 0;
        for (int u = 0; u < nu; u++) sum += activity[u] = DeterministicMath.Exp(1.0 * rng.NextGaussian());
        var counts = new int[nu];
        long extra = o.NumRatings - (long)nu * o.MinRatingsPerUser;
        long assigned = 0;
        for (int u = 0; u < nu; u++)
        {
            counts[u] = o.MinRatingsPerUser + (int)Math.Min(cap - o.MinRatingsPerUser, Math.Floor(extra * activity[u] / sum));
            assigned += counts[u];
        }
        // Hand out the remainder one by one, round-robin over users still under the cap.
        long left = o.NumRatings - assigned;
        cap = Math.Max(cap, (int)Math.Min(o.NumItems / 2, (o.NumRatings + nu - 1) / nu));
        for (int u = 0; left > 0; u = (u + 1) % nu)
            if (counts[u] < cap) { counts[u]++; left--; }
        return counts;
    }

    /// <summary>
    /// Draws <paramref name="count"/> distinct indices with probability ∝ <paramref name="weights"/>,
    /// one by one, removing each drawn weight from a Fenwick tree (O(log n) per draw).
    /// </summary>
    private static int SampleWithoutReplacement(double[] weights, int count, double[] tree, bool[] taken, int[] chosen, RecRandom rng)
    {
        int n = weights.Length;
        Array.Clear(tree);
        for (int i = 1; i <= n; i++)
        {
            tree[i] += weights[i - 1];
            int parent = i + (i & -i);
            if (parent <= n) tree[parent] += tree[i];
        }
        double total = 0;
        for (int i = 0; i < n; i++) total += weights[i];
        int top = 1;
        while (top * 2 <= n) top *= 2;
        int m = 0;
        while (m < count)
        {
            double target = rng.NextDouble() * total;
            int pos = 0;
            for (int step = top; step > 0; step >>= 1)
            {
                int next = pos + step;
                if (next <= n && tree[next] <= target) { pos = next; target -= tree[next]; }
            }
            int item = Math.Min(pos, n - 1);
            // Rounding can leave a sliver of a removed weight: skip items already drawn.
            if (taken[item]) continue;
            taken[item] = true; chosen[m++] = item;
            double w = weights[item];
            total -= w;
            for (int i = item + 1; i <= n; i += i & -i) tree[i] -= w;
        }
        return m;
    }
}
