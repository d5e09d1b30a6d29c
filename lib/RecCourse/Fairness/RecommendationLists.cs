using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Fairness;

/// <summary>Top-K recommendation lists from any <see cref="IRecommender"/>, the input of every exposure and popularity audit.</summary>
public static class RecommendationLists
{
    /// <summary>
    /// For every user, the <paramref name="k"/> highest-scoring item indices, best first, skipping
    /// items the user has in <paramref name="exclude"/> (usually the training ratings). A list is
    /// shorter than k only when fewer unexcluded items exist. Ties go to the lower item index.
    /// </summary>
    public static int[][] TopK(IRecommender model, int k, RatingTable? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be ≥ 1.");
        var seen = exclude is null ? null : SeenSets(exclude, model.NumUsers);
        var scores = new float[model.NumItems];
        var lists = new int[model.NumUsers][];
        for (int u = 0; u < model.NumUsers; u++)
        {
            model.ScoreItems(u, scores);
            var userSeen = seen?[u];
            lists[u] = TopK(scores, k, userSeen is null ? null : userSeen.Contains);
        }
        return lists;
    }

    /// <summary>Indices of the k largest <paramref name="scores"/>, best first, skipping items where <paramref name="skip"/> is true; NaN scores are skipped.</summary>
    public static int[] TopK(ReadOnlySpan<float> scores, int k, Func<int, bool>? skip = null)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be ≥ 1.");
        // A bounded min-heap keeps the cost at O(n log k) instead of sorting the whole catalogue.
        var heap = new PriorityQueue<int, (float Score, int NegItem)>(k + 1);
        for (int i = 0; i < scores.Length; i++)
        {
            if (float.IsNaN(scores[i]) || (skip is not null && skip(i))) continue;
            var key = (scores[i], -i);
            if (heap.Count < k) heap.Enqueue(i, key);
            else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0) heap.EnqueueDequeue(i, key);
        }
        var result = new int[heap.Count];
        for (int p = result.Length - 1; p >= 0; p--) result[p] = heap.Dequeue();
        return result;
    }

    /// <summary>The set of items each user rated in <paramref name="ratings"/> (index = user).</summary>
    public static HashSet<int>[] SeenSets(RatingTable ratings, int numUsers)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var sets = new HashSet<int>[numUsers];
        for (int u = 0; u < numUsers; u++) sets[u] = new HashSet<int>();
        for (int r = 0; r < ratings.Count; r++)
        {
            int u = ratings.Users[r];
            if ((uint)u >= (uint)numUsers) throw new ArgumentException($"Rating row {r} has user {u}, outside [0, {numUsers}).", nameof(ratings));
            sets[u].Add(ratings.Items[r]);
        }
        return sets;
    }
}
