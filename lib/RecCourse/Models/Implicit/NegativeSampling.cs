namespace RecCourse.Models;

/// <summary>How pairwise trainers draw the negative item j for a positive (u, i).</summary>
public enum NegativeSampling
{
    /// <summary>Every item the user has not interacted with is equally likely.</summary>
    Uniform,
    /// <summary>Items drawn ∝ (training interactions)^0.75, as word2vec does: popular non-positives
    /// are harder negatives, which counters the popularity bias of uniform sampling.</summary>
    Popularity,
}
