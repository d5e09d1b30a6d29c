using RecCourse.Nn;
using RecCourse.Tensors;

namespace RecCourse.Models;

/// <summary>
/// Matrix factorisation with biases (fast.ai's <c>DotProductBias</c>): score(u, i) =
/// u_u·v_i + b_u + b_i, squashed into (low, high) by a sigmoid when a y-range is given (fast.ai uses
/// (0, 5.5) for 1–5 stars so that 5 is reachable). Factors start from N(0, initStd²), biases at 0.
/// </summary>
public sealed class DotProductBias : Module, IRecommender
{
    private readonly (float Low, float High)? yRange;

    /// <param name="yMin">Lower end of the prediction range.</param>
    /// <param name="yMax">Upper end; null for an unbounded raw score (then <paramref name="yMin"/> is ignored).</param>
    public DotProductBias(int numUsers, int numItems, int dim, Random rng, float yMin = 0f, float? yMax = 5.5f, float initStd = 0.01f)
    {
        var yRange = yMax is { } hi ? (yMin, hi) : ((float, float)?)null;
        UserFactors = RegisterModule("U", new Embedding(numUsers, dim, rng, initStd));
        ItemFactors = RegisterModule("V", new Embedding(numItems, dim, rng, initStd));
        UserBias = RegisterModule("bu", new Embedding(numUsers, 1, rng, 0f));
        ItemBias = RegisterModule("bi", new Embedding(numItems, 1, rng, 0f));
        this.yRange = yRange;
    }

    public Embedding UserFactors { get; }
    public Embedding ItemFactors { get; }
    public Embedding UserBias { get; }
    public Embedding ItemBias { get; }
    public int NumUsers => UserFactors.Count;
    public int NumItems => ItemFactors.Count;
    public int Dim => UserFactors.Dim;

    /// <summary>Predictions for the pairs (users[k], items[k]) → vector of length n.</summary>
    public Tensor Forward(ReadOnlySpan<int> users, ReadOnlySpan<int> items)
    {
        if (users.Length != items.Length) throw new ArgumentException($"{users.Length} users but {items.Length} items.", nameof(items));
        var x = Ops.DotBias(UserFactors.Weight, ItemFactors.Weight, UserBias.Weight, ItemBias.Weight, users, items);
        return yRange is { } r ? Ops.SigmoidRange(x, r.Low, r.High) : x;
    }

    public float Predict(int user, int item)
    {
        float x = Raw(user, item);
        return yRange is { } r ? r.Low + (r.High - r.Low) / (1f + MathF.Exp(-x)) : x;
    }

    public void ScoreItems(int user, Span<float> scores)
    {
        if (scores.Length != NumItems) throw new ArgumentException($"scores has {scores.Length} slots for {NumItems} items.", nameof(scores));
        for (int i = 0; i < scores.Length; i++) scores[i] = Predict(user, i);
    }

    private float Raw(int user, int item) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(UserFactors.Weight.Row(user), ItemFactors.Weight.Row(item))
        + UserBias.Weight.Data[user] + ItemBias.Weight.Data[item];
}
