using System.Numerics.Tensors;

namespace RecCourse.Models;

/// <summary>Exact top-K retrieval by inner product (brute force with a size-K min-heap).</summary>
public static class TopK
{
    /// <summary>
    /// The <paramref name="k"/> rows of <paramref name="items"/> (row-major, rows × query.Length) with
    /// the largest dot product with <paramref name="query"/> (+ <paramref name="bias"/> when given),
    /// best first; ties go to the lower index. Items for which <paramref name="exclude"/> is true are
    /// skipped. Returns fewer than K when fewer items remain.
    /// </summary>
    public static (int Item, float Score)[] Retrieve(ReadOnlySpan<float> query, ReadOnlySpan<float> items, int k,
        ReadOnlySpan<float> bias = default, Func<int, bool>? exclude = null)
    {
        int d = query.Length;
        if (d == 0 || items.Length % d != 0) throw new ArgumentException($"items length {items.Length} is not a multiple of the query length {d}", nameof(items));
        int n = items.Length / d;
        if (bias.Length != 0 && bias.Length != n) throw new ArgumentException($"bias has length {bias.Length}, expected {n}", nameof(bias));
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var scores = new float[n];
        for (int i = 0; i < n; i++) scores[i] = TensorPrimitives.Dot(query, items.Slice(i * d, d)) + (bias.Length == 0 ? 0 : bias[i]);
        return Select(scores, k, exclude);
    }

    /// <summary>The indices of the <paramref name="k"/> largest scores, best first, ties to the lower index.</summary>
    public static (int Item, float Score)[] Select(ReadOnlySpan<float> scores, int k, Func<int, bool>? exclude = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        // Min-heap keyed by "worse first": lower score, or equal score and higher index.
        var heap = new PriorityQueue<int, (float Score, int NegIndex)>(k + 1);
        for (int i = 0; i < scores.Length; i++)
        {
            if (exclude is not null && exclude(i)) continue;
            float s = scores[i];
            if (float.IsNaN(s)) throw new ArgumentException($"score of item {i} is NaN", nameof(scores));
            if (heap.Count < k) { heap.Enqueue(i, (s, -i)); continue; }
            heap.TryPeek(out _, out var worst);
            if (s > worst.Score || (s == worst.Score && -i > worst.NegIndex)) heap.DequeueEnqueue(i, (s, -i));
        }
        var result = new (int, float)[heap.Count];
        for (int r = result.Length - 1; r >= 0; r--)
        {
            heap.TryDequeue(out int item, out var key);
            result[r] = (item, key.Score);
        }
        return result;
    }
}
