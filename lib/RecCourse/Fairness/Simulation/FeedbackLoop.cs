using RecCourse.Data;
using RecCourse.Metrics;
using RecCourse.Models;

namespace RecCourse.Fairness.Simulation;

/// <summary>
/// Feedback-loop simulation after Chaney, Stewart &amp; Engelhardt (2018), "How algorithmic confounding
/// in recommendation systems increases homogeneity and decreases utility". Users have a fixed true
/// preference v_ui. Each starts with a few random items; then for each round the recommender is
/// retrained on everything consumed so far, shows each user a list of unseen items, the user
/// consumes from it by a softmax choice on true preference (see
/// <see cref="FeedbackLoopOptions.ChoiceSharpness"/>), and the consumed items join the training data
/// with rating v_ui. Three policies run from the same start sample:
/// <list type="bullet">
/// <item><c>model</c>: the trained recommender's top-K (the feedback loop under study);</item>
/// <item><c>random</c>: K unseen items uniformly at random (no loop, the diversity reference);</item>
/// <item><c>oracle</c>: the K unseen items of highest true preference (the ideal the paper compares to).</item>
/// </list>
/// Chaney et al. found that trained recommenders homogenise users (higher Jaccard similarity of
/// consumed sets) beyond what the ideal recommender does, without a matching gain in utility.
/// </summary>
public static class FeedbackLoop
{
    public const string ModelPolicy = "model", RandomPolicy = "random", OraclePolicy = "oracle";

    /// <summary>
    /// Runs all three policies and returns one row per (policy, round), policies in the order model,
    /// random, oracle. Deterministic for a given <see cref="FeedbackLoopOptions.Seed"/> and trainer.
    /// </summary>
    /// <param name="preference">True preference v (users × items), any scale; higher is better. Consumed items are rated v_ui.</param>
    /// <param name="trainer">Fits a recommender to the ratings consumed so far (users and items keep the matrix's indices);
    /// default <see cref="AlsTrainer"/>.</param>
    public static IReadOnlyList<FeedbackLoopRow> Run(float[,] preference, Func<RatingTable, IRecommender>? trainer = null, FeedbackLoopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(preference);
        int numUsers = preference.GetLength(0), numItems = preference.GetLength(1);
        if (numUsers < 2) throw new ArgumentException($"Need at least two users to measure homogenisation, got {numUsers}.", nameof(preference));
        options ??= new FeedbackLoopOptions();
        options.Validate(numItems);
        trainer ??= AlsTrainer(numUsers, numItems);

        var pairs = SamplePairs(numUsers, options.PairSample, options.Seed);
        var rows = new List<FeedbackLoopRow>();
        string[] policies = [ModelPolicy, RandomPolicy, OraclePolicy];
        for (int p = 0; p < policies.Length; p++)
            rows.AddRange(RunPolicy(policies[p], p, preference, trainer, options, pairs));
        return rows;
    }

    /// <summary>
    /// The default trainer: explicit ALS with biases (d = <paramref name="factors"/>, λ = 0.1 with
    /// ALS-WR scaling, <paramref name="iterations"/> alternations) — a few milliseconds per fit at
    /// notebook scale, so retraining every round stays cheap.
    /// </summary>
    public static Func<RatingTable, IRecommender> AlsTrainer(int numUsers, int numItems, int factors = 10, int iterations = 5, int seed = 0)
    {
        var options = new AlsOptions { Factors = factors, Iterations = iterations, Lambda = 0.1, Biases = true, Seed = seed };
        return ratings => new ExplicitAls(numUsers, numItems, options).Fit(ratings);
    }

    private static IEnumerable<FeedbackLoopRow> RunPolicy(string policy, int policyIndex, float[,] preference, Func<RatingTable, IRecommender> trainer,
        FeedbackLoopOptions options, (int A, int B)[] pairs)
    {
        int numUsers = preference.GetLength(0), numItems = preference.GetLength(1);
        var consumed = new HashSet<int>[numUsers];
        var loopConsumed = new HashSet<int>[numUsers];
        var users = new List<int>(); var items = new List<int>(); var values = new List<float>(); var times = new List<long>();

        // The start sample depends on the seed only, so all policies share it.
        var startRng = new Random(options.Seed);
        var all = Enumerable.Range(0, numItems).ToArray();
        for (int u = 0; u < numUsers; u++)
        {
            consumed[u] = new HashSet<int>();
            loopConsumed[u] = new HashSet<int>();
            // Partial Fisher–Yates: the first n slots become a uniform sample without replacement.
            for (int k = 0; k < options.InitialItemsPerUser; k++)
            {
                int j = startRng.Next(k, numItems);
                (all[k], all[j]) = (all[j], all[k]);
                Add(u, all[k], 0);
            }
        }

        var choiceRng = new Random(unchecked(options.Seed * 31 + policyIndex + 1));
        var counts = new double[numItems];
        double utilitySum = 0; long utilityCount = 0;
        var scores = new float[numItems];
        for (int round = 1; round <= options.Rounds; round++)
        {
            IRecommender? model = policy == ModelPolicy && values.Count > 0
                ? trainer(new RatingTable(users.ToArray(), items.ToArray(), values.ToArray(), times.ToArray()))
                : null;
            double roundUtility = 0; int roundCount = 0;
            for (int u = 0; u < numUsers; u++)
            {
                int[] shown = policy switch
                {
                    OraclePolicy => RecommendationLists.TopK(Row(preference, u, scores), options.ListLength, consumed[u].Contains),
                    ModelPolicy when model is not null => ScoreAndRank(model, u, scores, options.ListLength, consumed[u]),
                    _ => RandomUnseen(choiceRng, numItems, options.ListLength, consumed[u]),
                };
                foreach (int i in Choose(choiceRng, shown, preference, u, options))
                {
                    Add(u, i, round);
                    loopConsumed[u].Add(i);
                    counts[i]++;
                    roundUtility += preference[u, i]; roundCount++;
                }
            }
            utilitySum += roundUtility; utilityCount += roundCount;
            yield return new FeedbackLoopRow(policy, round, MeanJaccard(loopConsumed, pairs),
                counts.Count(c => c > 0), BeyondAccuracy.Gini(loopConsumed.Select(c => c.ToArray()).ToArray(), numItems),
                roundCount == 0 ? double.NaN : roundUtility / roundCount, utilitySum / utilityCount);
        }

        void Add(int u, int i, long round)
        {
            consumed[u].Add(i);
            users.Add(u); items.Add(i); values.Add(preference[u, i]); times.Add(round);
        }
    }

    private static int[] ScoreAndRank(IRecommender model, int u, float[] scores, int k, HashSet<int> seen)
    {
        model.ScoreItems(u, scores);
        return RecommendationLists.TopK(scores, k, seen.Contains);
    }

    private static float[] Row(float[,] m, int u, float[] buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] = m[u, i];
        return buffer;
    }

    private static int[] RandomUnseen(Random rng, int numItems, int k, HashSet<int> seen)
    {
        var pick = new List<int>(k);
        int available = numItems - seen.Count;
        // Rejection sampling is fast while most of the catalogue is unseen, which the options guarantee.
        var chosen = new HashSet<int>();
        while (pick.Count < Math.Min(k, available))
        {
            int i = rng.Next(numItems);
            if (!seen.Contains(i) && chosen.Add(i)) pick.Add(i);
        }
        return pick.ToArray();
    }

    /// <summary>Draws ChoicesPerRound items from <paramref name="shown"/> without replacement, P ∝ exp(β·v_ui).</summary>
    private static IEnumerable<int> Choose(Random rng, int[] shown, float[,] preference, int u, FeedbackLoopOptions options)
    {
        var pool = shown.ToList();
        for (int c = 0; c < options.ChoicesPerRound && pool.Count > 0; c++)
        {
            double max = pool.Max(i => preference[u, i]);
            var weights = pool.Select(i => Math.Exp(options.ChoiceSharpness * (preference[u, i] - max))).ToArray();
            double x = rng.NextDouble() * weights.Sum();
            int k = 0;
            for (; k < weights.Length - 1; k++) { x -= weights[k]; if (x < 0) break; }
            yield return pool[k];
            pool.RemoveAt(k);
        }
    }

    private static (int A, int B)[] SamplePairs(int numUsers, int sample, int seed)
    {
        long allPairs = (long)numUsers * (numUsers - 1) / 2;
        if (sample == 0 || sample >= allPairs)
        {
            var pairs = new List<(int, int)>((int)Math.Min(allPairs, int.MaxValue));
            for (int a = 0; a < numUsers; a++) for (int b = a + 1; b < numUsers; b++) pairs.Add((a, b));
            return pairs.ToArray();
        }
        var rng = new Random(seed ^ 0x5A17);
        var result = new (int, int)[sample];
        for (int s = 0; s < sample; s++)
        {
            int a = rng.Next(numUsers), b = rng.Next(numUsers - 1);
            if (b >= a) b++;
            result[s] = (a, b);
        }
        return result;
    }

    /// <summary>Mean Jaccard similarity over the pairs; a pair of empty sets counts 0.</summary>
    internal static double MeanJaccard(HashSet<int>[] sets, (int A, int B)[] pairs)
    {
        double sum = 0;
        foreach (var (a, b) in pairs)
        {
            int inter = sets[a].Count(sets[b].Contains);
            int union = sets[a].Count + sets[b].Count - inter;
            sum += union == 0 ? 0 : (double)inter / union;
        }
        return sum / pairs.Length;
    }
}
