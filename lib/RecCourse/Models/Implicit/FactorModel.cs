using System.Numerics.Tensors;
using Tensor = RecCourse.Tensors.Tensor;

namespace RecCourse.Models;

/// <summary>
/// An implicit-feedback embedding model: score(u, i) = b_i + p_u·q_i (a logit/affinity, not a
/// rating). Row-major float32 tables, user u's factors at <c>UserFactors[u*d .. u*d+d)</c>.
/// </summary>
public sealed class FactorModel : IRecommender
{
    public FactorModel(int numUsers, int numItems, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numUsers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(numItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        NumUsers = numUsers; NumItems = numItems; Dimensions = dimensions;
        UserFactors = new float[numUsers * dimensions];
        ItemFactors = new float[numItems * dimensions];
        ItemBias = new float[numItems];
    }

    public int NumUsers { get; }
    public int NumItems { get; }
    public int Dimensions { get; }
    public float[] UserFactors { get; }
    public float[] ItemFactors { get; }
    /// <summary>b_i (all zero when trained without item biases).</summary>
    public float[] ItemBias { get; }

    /// <summary>A model with N(0, <paramref name="initStd"/>²) user then item factors drawn from
    /// <paramref name="rng"/> and zero item biases: the common start of the implicit trainers.</summary>
    internal static FactorModel Initialised(int numUsers, int numItems, int dimensions, float initStd, Random rng)
    {
        var model = new FactorModel(numUsers, numItems, dimensions);
        MatrixFactorizationTrainer.Gaussian(rng, model.UserFactors, initStd);
        MatrixFactorizationTrainer.Gaussian(rng, model.ItemFactors, initStd);
        return model;
    }

    /// <summary>Engine tensors over this model's own arrays, so a trainer's optimiser writes straight
    /// into the model; the bias takes gradients only when <paramref name="trainItemBias"/>.</summary>
    internal (Tensor Users, Tensor Items, Tensor Bias) AsTrainable(bool trainItemBias) => (
        new Tensor(UserFactors, NumUsers, Dimensions) { Name = "user factors", RequiresGrad = true },
        new Tensor(ItemFactors, NumItems, Dimensions) { Name = "item factors", RequiresGrad = true },
        new Tensor(ItemBias, NumItems, 1) { Name = "item bias", RequiresGrad = trainItemBias });

    public Span<float> UserRow(int user) => UserFactors.AsSpan(user * Dimensions, Dimensions);
    public Span<float> ItemRow(int item) => ItemFactors.AsSpan(item * Dimensions, Dimensions);

    public float Predict(int user, int item)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"user index must be in [0, {NumUsers})");
        if ((uint)item >= (uint)NumItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"item index must be in [0, {NumItems})");
        return ItemBias[item] + TensorPrimitives.Dot<float>(UserRow(user), ItemRow(item));
    }

    public void ScoreItems(int user, Span<float> scores)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"user index must be in [0, {NumUsers})");
        if (scores.Length != NumItems) throw new ArgumentException($"scores has length {scores.Length}, expected NumItems = {NumItems}.", nameof(scores));
        ReadOnlySpan<float> p = UserRow(user);
        for (int i = 0; i < NumItems; i++) scores[i] = ItemBias[i] + TensorPrimitives.Dot(p, ItemFactors.AsSpan(i * Dimensions, Dimensions));
    }
}
