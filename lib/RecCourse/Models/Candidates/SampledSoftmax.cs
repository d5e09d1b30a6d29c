namespace RecCourse.Models;

/// <summary>
/// Softmax cross-entropy on a list of candidate logits, full or sampled. With sampled negatives
/// drawn from a proposal Q, subtracting log(n·Q(j)) from every candidate's logit (the "log-Q
/// correction", also applied to the positive) makes the sampled loss's gradient an estimate of the
/// full softmax gradient; without it popular items (drawn often) are pushed down too hard.
/// </summary>
public static class SampledSoftmax
{
    /// <summary>Replaces <paramref name="logits"/> by dLoss/dlogits = softmax − onehot(target) and
    /// returns the loss −log softmax(logits)[target]. Entries equal to −∞ (masked accidental hits)
    /// get zero gradient.</summary>
    public static float CrossEntropyInPlace(Span<float> logits, int target)
    {
        if ((uint)target >= (uint)logits.Length) throw new ArgumentOutOfRangeException(nameof(target), target, $"must be in [0, {logits.Length})");
        float max = float.NegativeInfinity;
        foreach (float z in logits) if (z > max) max = z;
        double sum = 0;
        for (int k = 0; k < logits.Length; k++)
        {
            float e = float.IsNegativeInfinity(logits[k]) ? 0 : MathF.Exp(logits[k] - max);
            logits[k] = e; sum += e;
        }
        float loss = (float)(-Math.Log(logits[target] / sum));
        float inv = (float)(1 / sum);
        for (int k = 0; k < logits.Length; k++) logits[k] *= inv;
        logits[target] -= 1;
        return loss;
    }

    /// <summary>
    /// The sampled-softmax gradient with respect to every item's logit, scattered into
    /// <paramref name="itemGrad"/> (length = items; overwritten). Candidates are the positive and
    /// <paramref name="negatives"/>; negatives equal to the positive are masked. With
    /// <paramref name="proposal"/> given (Q per item, summing to 1), each candidate's logit gets −log(n·Q).
    /// </summary>
    /// <returns>The sampled loss.</returns>
    public static float ItemGradient(ReadOnlySpan<float> itemLogits, int positive, ReadOnlySpan<int> negatives,
        ReadOnlySpan<double> proposal, Span<float> itemGrad)
    {
        if (itemGrad.Length != itemLogits.Length) throw new ArgumentException("itemGrad and itemLogits differ in length", nameof(itemGrad));
        int n = negatives.Length;
        var cand = new float[n + 1];
        cand[0] = itemLogits[positive] - Correction(proposal, positive, n);
        for (int k = 0; k < n; k++)
            cand[k + 1] = negatives[k] == positive ? float.NegativeInfinity : itemLogits[negatives[k]] - Correction(proposal, negatives[k], n);
        float loss = CrossEntropyInPlace(cand, 0);
        itemGrad.Clear();
        itemGrad[positive] += cand[0];
        for (int k = 0; k < n; k++) itemGrad[negatives[k]] += cand[k + 1];
        return loss;
    }

    /// <summary>log(n·Q(item)), or 0 without a proposal.</summary>
    internal static float Correction(ReadOnlySpan<double> proposal, int item, int n) =>
        proposal.Length == 0 ? 0 : (float)Math.Log(n * Math.Max(proposal[item], 1e-12));
}
