namespace RecCourse.Data;

/// <summary>The proposal distribution of a <see cref="NegativeSampler"/>.</summary>
public enum NegativeSampling
{
    /// <summary>Every item equally likely.</summary>
    Uniform,
    /// <summary>Items ∝ count^exponent (count = users who interacted in the training data); never-seen items are never drawn.</summary>
    Popularity,
}
