namespace RecCourse.Models;

/// <summary>Draws items a user has not interacted with, uniformly or ∝ popularity^0.75 (rejection sampling).</summary>
internal sealed class NegativeSampler
{
    private readonly double[]? _cumulative;
    private readonly int _numItems;

    public NegativeSampler(Data.RatingTable interactions, int numItems, NegativeSampling kind)
    {
        _numItems = numItems;
        if (kind == NegativeSampling.Uniform) return;
        var counts = new double[numItems];
        foreach (int i in interactions.Items) counts[i]++;
        _cumulative = new double[numItems];
        double s = 0;
        // +1 keeps never-seen items reachable as negatives.
        for (int i = 0; i < numItems; i++) { s += Math.Pow(counts[i] + 1, 0.75); _cumulative[i] = s; }
    }

    /// <summary>An item not in <paramref name="user"/>'s set (the caller guarantees one exists).</summary>
    public int Draw(Random rng, int user, InteractionSets seen)
    {
        while (true)
        {
            int j = Sample(rng);
            if (!seen.Contains(user, j)) return j;
        }
    }

    /// <summary>One proposal, ignoring the user's positives.</summary>
    public int Sample(Random rng)
    {
        if (_cumulative is null) return rng.Next(_numItems);
        double r = rng.NextDouble() * _cumulative[^1];
        int idx = Array.BinarySearch(_cumulative, r);
        return idx >= 0 ? idx : Math.Min(~idx, _numItems - 1);
    }
}
