using System.Numerics.Tensors;

namespace RecCourse.Models;

/// <summary>
/// Biased matrix factorisation: x = μ + b_u + b_i + p_u·q_i, and the prediction is x itself or, with a
/// y_range (low, high), low + (high − low)·σ(x). Factor tables are row-major float32 arrays
/// (user u's factors are <c>UserFactors[u*d .. u*d+d)</c>) so notebooks can plot or probe them.
/// </summary>
public sealed class MatrixFactorizationModel : IRecommender
{
    /// <summary>Creates a model with zero biases and the given (copied by reference) factor tables.</summary>
    /// <exception cref="ArgumentException">When a table's length is not rows × <paramref name="dimensions"/>.</exception>
    public MatrixFactorizationModel(int numUsers, int numItems, int dimensions, (float Low, float High)? yRange = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numUsers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(numItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        NumUsers = numUsers; NumItems = numItems; Dimensions = dimensions; YRange = yRange;
        UserFactors = new float[numUsers * dimensions];
        ItemFactors = new float[numItems * dimensions];
        UserBias = new float[numUsers];
        ItemBias = new float[numItems];
    }

    public int NumUsers { get; }
    public int NumItems { get; }
    /// <summary>d, the number of latent factors.</summary>
    public int Dimensions { get; }
    /// <summary>Null for a plain linear output; otherwise the sigmoid's range.</summary>
    public (float Low, float High)? YRange { get; }
    /// <summary>μ, learned (starts at the mean rating, or its logit under a y_range).</summary>
    public float GlobalBias { get; set; }
    /// <summary>P, NumUsers × d, row-major.</summary>
    public float[] UserFactors { get; }
    /// <summary>Q, NumItems × d, row-major.</summary>
    public float[] ItemFactors { get; }
    public float[] UserBias { get; }
    public float[] ItemBias { get; }

    /// <summary>User <paramref name="user"/>'s factor row (length d).</summary>
    public Span<float> UserRow(int user) => UserFactors.AsSpan(user * Dimensions, Dimensions);
    /// <summary>Item <paramref name="item"/>'s factor row (length d).</summary>
    public Span<float> ItemRow(int item) => ItemFactors.AsSpan(item * Dimensions, Dimensions);

    /// <summary>The pre-activation x = μ + b_u + b_i + p_u·q_i.</summary>
    public float Logit(int user, int item) =>
        GlobalBias + UserBias[user] + ItemBias[item] + TensorPrimitives.Dot<float>(UserRow(user), ItemRow(item));

    /// <summary>Maps a pre-activation to a prediction (identity without a y_range).</summary>
    public float Activate(float x) => YRange is { } y ? y.Low + (y.High - y.Low) * Sigmoid(x) : x;

    /// <summary>The predicted rating; throws <see cref="ArgumentOutOfRangeException"/> for an unknown index.</summary>
    public float Predict(int user, int item)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"user index must be in [0, {NumUsers})");
        if ((uint)item >= (uint)NumItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"item index must be in [0, {NumItems})");
        return Activate(Logit(user, item));
    }

    public void ScoreItems(int user, Span<float> scores)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"user index must be in [0, {NumUsers})");
        if (scores.Length != NumItems) throw new ArgumentException($"scores has length {scores.Length}, expected NumItems = {NumItems}.", nameof(scores));
        ReadOnlySpan<float> p = UserRow(user);
        float baseline = GlobalBias + UserBias[user];
        for (int i = 0; i < NumItems; i++)
            scores[i] = Activate(baseline + ItemBias[i] + TensorPrimitives.Dot(p, ItemFactors.AsSpan(i * Dimensions, Dimensions)));
    }

    internal static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
