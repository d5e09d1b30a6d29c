namespace RecCourse.Context;

/// <summary>
/// One split: entity <paramref name="Original"/> (an item or user index of the input) was split on
/// condition <paramref name="Condition"/> of dimension <paramref name="Dimension"/>. Its ratings in that
/// condition now belong to <paramref name="InIndex"/>, the others to <paramref name="OutIndex"/>
/// (= <paramref name="Original"/>). <paramref name="T"/> &gt; 0 means ratings are higher in the condition.
/// </summary>
public sealed record SplitDecision(int Original, int Dimension, int Condition, double T, double PValue, int CountIn, int CountOut, int InIndex, int OutIndex);
