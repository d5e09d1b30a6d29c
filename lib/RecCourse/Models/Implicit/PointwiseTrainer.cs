using System.Diagnostics;
using System.Numerics.Tensors;
using RecCourse.Data;

using RecCourse.Training;

namespace RecCourse.Models;

/// <summary>
/// The lectures-labs implicit model: a user and an item embedding, score σ(b_i + p_u·q_i), trained by
/// SGD on binary cross-entropy with every interaction a 1 and sampled non-interactions 0s.
/// The returned <see cref="FactorModel"/> scores logits (apply σ for probabilities).
/// </summary>
public static class PointwiseTrainer
{
    public static FactorResult Fit(RatingTable interactions, int numUsers, int numItems, PointwiseOptions options,
        Func<FactorModel, double>? validate = null, Action<EpochRecord>? onEpoch = null)
    {
        options.Validate();
        if (interactions.Count == 0) throw new ArgumentException("no interactions", nameof(interactions));
        var seen = UserItemIndex.Build(interactions, numUsers, numItems);
        var sampler = options.NegativesPerPositive > 0 ? new NegativeSampler(seen, options.Sampling, 0.75, options.Seed) : null;
        int d = options.Dimensions;
        var model = new FactorModel(numUsers, numItems, d);
        var rng = new Random(options.Seed);
        MatrixFactorizationTrainer.Gaussian(rng, model.UserFactors, options.InitStd);
        MatrixFactorizationTrainer.Gaussian(rng, model.ItemFactors, options.InitStd);
        var order = Enumerable.Range(0, interactions.Count).ToArray();
        var pCopy = new float[d];
        var history = new List<EpochRecord>();
        float lr = options.LearningRate, lam = options.Regularization;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            rng.Shuffle(order);
            double total = 0; long count = 0;
            foreach (int k in order)
            {
                int u = interactions.Users[k];
                for (int n = 0; n <= options.NegativesPerPositive; n++)
                {
                    int i = n == 0 ? interactions.Items[k] : sampler!.Sample(u);
                    float label = n == 0 ? 1 : 0;
                    Span<float> p = model.UserRow(u), q = model.ItemRow(i);
                    float x = model.ItemBias[i] + TensorPrimitives.Dot<float>(p, q);
                    float s = MatrixFactorizationModel.Sigmoid(x);
                    total += -(label * Math.Log(Math.Max(s, 1e-7)) + (1 - label) * Math.Log(Math.Max(1 - s, 1e-7)));
                    count++;
                    // dBCE/dx = σ(x) − label
                    float g = s - label;
                    if (options.ItemBias) model.ItemBias[i] -= lr * g;
                    p.CopyTo(pCopy);
                    TensorPrimitives.Multiply(p, 1 - lr * lam, p);
                    TensorPrimitives.MultiplyAdd(q, -lr * g, (ReadOnlySpan<float>)p, p);
                    TensorPrimitives.Multiply(q, 1 - lr * lam, q);
                    TensorPrimitives.MultiplyAdd(pCopy, -lr * g, (ReadOnlySpan<float>)q, q);
                }
            }
            sw.Stop();
            var rec = new EpochRecord(epoch, total / count, validate?.Invoke(model) ?? double.NaN, sw.Elapsed.TotalSeconds);
            history.Add(rec);
            onEpoch?.Invoke(rec);
        }
        return new FactorResult(model, history);
    }
}
