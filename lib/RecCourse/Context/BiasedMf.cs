using System.Numerics.Tensors;
using MathNet.Numerics.Distributions;
using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Context;

/// <summary>
/// The context-blind baseline for CAMF: biased matrix factorisation μ + b_u + b_i + p_u·q_i (Funk SVD),
/// trained by exactly the same SGD loop and initialisation as <see cref="Camf"/>, so any RMSE difference
/// comes from the contextual biases.
/// </summary>
public sealed class BiasedMf : IRecommender
{
    public BiasedMf(int numUsers, int numItems, SgdOptions? options = null)
    {
        if (numUsers < 1) throw new ArgumentOutOfRangeException(nameof(numUsers), numUsers, "Need at least one user.");
        if (numItems < 1) throw new ArgumentOutOfRangeException(nameof(numItems), numItems, "Need at least one item.");
        Options = options ?? new SgdOptions();
        Options.Validate();
        NumUsers = numUsers; NumItems = numItems;
        UserFactors = new double[numUsers * Options.Factors]; ItemFactors = new double[numItems * Options.Factors];
        UserBias = new double[numUsers]; ItemBias = new double[numItems];
    }

    public SgdOptions Options { get; }
    public int NumUsers { get; }
    public int NumItems { get; }
    public double GlobalMean { get; private set; }
    public double[] UserFactors { get; }
    public double[] ItemFactors { get; }
    public double[] UserBias { get; }
    public double[] ItemBias { get; }

    /// <summary>Trains on <paramref name="train"/> (context, if any, is ignored); <paramref name="onEpoch"/> gets (epoch, training RMSE during it).</summary>
    public BiasedMf Fit(RatingTable train, Action<int, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        GlobalMean = train.Mean();
        var rng = new Random(Options.Seed);
        for (int k = 0; k < UserFactors.Length; k++) UserFactors[k] = Normal.Sample(rng, 0, Options.InitStd);
        for (int k = 0; k < ItemFactors.Length; k++) ItemFactors[k] = Normal.Sample(rng, 0, Options.InitStd);
        Array.Clear(UserBias); Array.Clear(ItemBias);
        int f = Options.Factors;
        double lr = Options.LearningRate, reg = Options.Regularization;
        var order = Enumerable.Range(0, train.Count).ToArray();
        var pOld = new double[f];
        for (int epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            double se = 0;
            foreach (int r in order)
            {
                int u = train.Users[r], i = train.Items[r];
                if ((uint)u >= (uint)NumUsers || (uint)i >= (uint)NumItems)
                    throw new ArgumentException($"Rating {r} has user {u} / item {i} outside {NumUsers} users / {NumItems} items.", nameof(train));
                double e = train.Values[r] - Raw(u, i);
                se += e * e;
                UserBias[u] += lr * (e - reg * UserBias[u]);
                ItemBias[i] += lr * (e - reg * ItemBias[i]);
                Camf.SgdFactors(UserFactors.AsSpan(u * f, f), ItemFactors.AsSpan(i * f, f), pOld, e, lr, reg);
            }
            onEpoch?.Invoke(epoch, Math.Sqrt(se / Math.Max(1, train.Count)));
            lr *= Options.LearningRateDecay;
        }
        return this;
    }

    private double Raw(int u, int i) =>
        GlobalMean + UserBias[u] + ItemBias[i] + TensorPrimitives.Dot<double>(UserFactors.AsSpan(u * Options.Factors, Options.Factors), ItemFactors.AsSpan(i * Options.Factors, Options.Factors));

    /// <summary>The predicted rating in float64, clamped when the options say so.</summary>
    public double PredictRating(int user, int item)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"User index outside [0, {NumUsers}).");
        if ((uint)item >= (uint)NumItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"Item index outside [0, {NumItems}).");
        return Options.Clamp(Raw(user, item));
    }

    public float Predict(int user, int item) => (float)PredictRating(user, item);

    /// <summary>Unclamped scores of every item for <paramref name="user"/> (length NumItems).</summary>
    public void ScoreItems(int user, Span<float> scores)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"User index outside [0, {NumUsers}).");
        if (scores.Length != NumItems) throw new ArgumentException($"scores has length {scores.Length}, expected {NumItems}.", nameof(scores));
        for (int i = 0; i < NumItems; i++) scores[i] = (float)Raw(user, i);
    }
}
