namespace RecCourse.Models;

/// <summary>Which items the candidate generator's softmax normalises over during training.</summary>
public enum SoftmaxSampling
{
    /// <summary>Every item of the catalogue (exact, O(items) per example).</summary>
    Full,
    /// <summary>The positive plus negatives drawn uniformly, shared by a mini-batch.</summary>
    Uniform,
    /// <summary>Negatives drawn ∝ popularity, shared by a mini-batch; with
    /// <see cref="CandidateOptions.LogQCorrection"/> each logit is corrected by −log(n·Q(item)) so the
    /// sampled loss estimates the full softmax instead of over-penalising popular items.</summary>
    Popularity,
    /// <summary>Per-user negatives from the current model's top-scored non-positives (refreshed every
    /// <see cref="CandidateOptions.HardNegativeRefresh"/> epochs) mixed with uniform ones.</summary>
    HardNegatives,
}
