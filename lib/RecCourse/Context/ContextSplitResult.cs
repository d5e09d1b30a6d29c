using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// The output of item or user splitting: a dataset in which each split entity became two (its ratings
/// in the chosen condition and the rest), and the mapping from (original index, context) to the new
/// index for prediction. Unsplit entities keep their index; the "in condition" halves are appended
/// after the original entities, so new indices ≥ the original count are always split halves.
/// </summary>
public sealed class ContextSplitResult
{
    private readonly SplitDecision?[] _byOriginal;

    internal ContextSplitResult(SplitTarget target, RecDataset dataset, SplitDecision?[] byOriginal)
    {
        Target = target; Dataset = dataset; _byOriginal = byOriginal;
        Splits = byOriginal.Where(d => d is not null).Select(d => d!).ToArray();
    }

    public SplitTarget Target { get; }
    /// <summary>The split data set (ids of split halves are "id@Dimension=Condition" and "id@Dimension!=Condition"); context columns are kept.</summary>
    public RecDataset Dataset { get; }
    /// <summary>Every split made, in original-index order.</summary>
    public IReadOnlyList<SplitDecision> Splits { get; }
    /// <summary>Number of entities before splitting.</summary>
    public int OriginalCount => _byOriginal.Length;

    /// <summary>The split decision of an original entity, or null when it was not split.</summary>
    public SplitDecision? DecisionFor(int original) => _byOriginal[original];

    /// <summary>
    /// The new index of <paramref name="original"/> when rated in <paramref name="context"/> (one
    /// condition index per dimension of the schema).
    /// </summary>
    public int Map(int original, ReadOnlySpan<int> context)
    {
        if ((uint)original >= (uint)_byOriginal.Length) throw new ArgumentOutOfRangeException(nameof(original), original, $"Index outside [0, {_byOriginal.Length}).");
        if (_byOriginal[original] is not { } d) return original;
        if (d.Dimension >= context.Length) throw new ArgumentException($"Context has {context.Length} dimensions; split uses dimension {d.Dimension}.", nameof(context));
        return context[d.Dimension] == d.Condition ? d.InIndex : d.OutIndex;
    }

    /// <summary>The original index a new index came from.</summary>
    public int OriginalOf(int index)
    {
        if (index >= 0 && index < _byOriginal.Length) return index;
        foreach (var s in Splits) if (s.InIndex == index) return s.Original;
        throw new ArgumentOutOfRangeException(nameof(index), index, $"Index outside [0, {_byOriginal.Length + Splits.Count}).");
    }
}
