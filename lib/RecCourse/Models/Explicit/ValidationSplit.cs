namespace RecCourse.Models;

/// <summary>Carves a random validation set out of a training table, for early stopping and tuning
/// without touching the test set.</summary>
public static class ValidationSplit
{
    /// <summary>A seeded random (train, validation) partition of <paramref name="ratings"/> rows;
    /// validation gets round(<paramref name="fraction"/>·n) rows.</summary>
    public static (Data.RatingTable Train, Data.RatingTable Validation) Random(Data.RatingTable ratings, double fraction, int seed)
    {
        if (!(fraction > 0 && fraction < 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "must be in (0, 1)");
        var perm = Enumerable.Range(0, ratings.Count).ToArray();
        new System.Random(seed).Shuffle(perm);
        int nv = (int)Math.Round(fraction * ratings.Count);
        var valid = perm[..nv]; var train = perm[nv..];
        Array.Sort(valid); Array.Sort(train);
        return (ratings.Subset(train), ratings.Subset(valid));
    }
}
