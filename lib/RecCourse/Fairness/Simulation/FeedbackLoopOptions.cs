namespace RecCourse.Fairness.Simulation;

/// <summary>Settings of <see cref="FeedbackLoop"/>. Defaults run in about a second at 300 users × 500 items.</summary>
public sealed record FeedbackLoopOptions
{
    /// <summary>Recommend → consume → retrain rounds (≥ 1).</summary>
    public int Rounds { get; init; } = 10;
    /// <summary>Items each user consumes uniformly at random before the loop starts: the small observed sample the first model trains on.</summary>
    public int InitialItemsPerUser { get; init; } = 5;
    /// <summary>Length of the list shown to each user each round.</summary>
    public int ListLength { get; init; } = 10;
    /// <summary>Items each user consumes from their list each round (≤ <see cref="ListLength"/>).</summary>
    public int ChoicesPerRound { get; init; } = 1;
    /// <summary>
    /// β of the choice model: a user picks item i from the shown list with probability ∝ exp(β·v_ui),
    /// v the true preference. β = 0 picks uniformly from the list; large β always takes the best shown item.
    /// </summary>
    public double ChoiceSharpness { get; init; } = 2.0;
    /// <summary>User pairs sampled for the mean Jaccard similarity; 0 uses all pairs (O(users²)).</summary>
    public int PairSample { get; init; } = 3000;
    public int Seed { get; init; } = 0;

    internal void Validate(int numItems)
    {
        if (Rounds < 1) throw new ArgumentOutOfRangeException(nameof(Rounds), Rounds, "Need at least one round.");
        if (InitialItemsPerUser < 0) throw new ArgumentOutOfRangeException(nameof(InitialItemsPerUser), InitialItemsPerUser, "Must be ≥ 0.");
        if (ListLength < 1) throw new ArgumentOutOfRangeException(nameof(ListLength), ListLength, "Must be ≥ 1.");
        if (ChoicesPerRound < 1 || ChoicesPerRound > ListLength)
            throw new ArgumentOutOfRangeException(nameof(ChoicesPerRound), ChoicesPerRound, $"Must be in [1, ListLength = {ListLength}].");
        if (!(ChoiceSharpness >= 0)) throw new ArgumentOutOfRangeException(nameof(ChoiceSharpness), ChoiceSharpness, "Must be ≥ 0.");
        if (PairSample < 0) throw new ArgumentOutOfRangeException(nameof(PairSample), PairSample, "Must be ≥ 0.");
        long needed = InitialItemsPerUser + (long)Rounds * ChoicesPerRound;
        if (needed > numItems)
            throw new ArgumentException($"Each user would consume {needed} items but the catalogue has only {numItems}.");
    }
}
