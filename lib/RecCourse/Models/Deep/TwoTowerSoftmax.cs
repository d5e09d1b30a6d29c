using RecCourse.Nn;
using RecCourse.Tensors;

namespace RecCourse.Models;

/// <summary>
/// The simplest candidate generator: score(u, i) = ⟨U_u, V_i⟩, trained as a classifier over all items
/// with a full softmax, or with a sampled softmax over shared negatives. Embeddings start from
/// N(0, initStd²).
/// </summary>
public sealed class TwoTowerSoftmax : Module, IRecommender
{
    public TwoTowerSoftmax(int numUsers, int numItems, int dim, Random rng, float initStd = 0.1f)
    {
        UserEmbedding = RegisterModule("U", new Embedding(numUsers, dim, rng, initStd));
        ItemEmbedding = RegisterModule("V", new Embedding(numItems, dim, rng, initStd));
    }

    public Embedding UserEmbedding { get; }
    public Embedding ItemEmbedding { get; }
    public int NumUsers => UserEmbedding.Count;
    public int NumItems => ItemEmbedding.Count;

    /// <summary>Mean cross-entropy of each user's positive item against all items (logits U_u·Vᵀ).</summary>
    public Tensor FullSoftmaxLoss(ReadOnlySpan<int> users, ReadOnlySpan<int> positives)
    {
        var logits = Ops.MatMul(UserEmbedding.Forward(users), ItemEmbedding.Weight, transposeB: true);
        return Losses.CrossEntropy(logits, positives);
    }

    /// <summary>Mean sampled-softmax loss with negatives shared by the batch (accidental hits masked;
    /// no log-Q correction, which is exact for a uniform proposal).</summary>
    public Tensor SampledSoftmaxLoss(ReadOnlySpan<int> users, ReadOnlySpan<int> positives, ReadOnlySpan<int> negatives) =>
        Losses.SampledSoftmax(UserEmbedding.Forward(users), ItemEmbedding.Forward(positives), ItemEmbedding.Forward(negatives), positives, negatives);

    /// <summary>All scores U·Vᵀ, row-major [users × items], into <paramref name="scores"/>.</summary>
    public void ScoreAll(Span<float> scores)
    {
        if (scores.Length != NumUsers * NumItems) throw new ArgumentException($"scores needs {NumUsers}×{NumItems} values.", nameof(scores));
        int d = UserEmbedding.Dim;
        Gemm.Multiply(UserEmbedding.Weight.Data, d, false, ItemEmbedding.Weight.Data, d, true, scores, NumItems, NumUsers, NumItems, d);
    }

    public float Predict(int user, int item) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(UserEmbedding.Weight.Row(user), ItemEmbedding.Weight.Row(item));

    public void ScoreItems(int user, Span<float> scores)
    {
        if (scores.Length != NumItems) throw new ArgumentException($"scores has {scores.Length} slots for {NumItems} items.", nameof(scores));
        int d = UserEmbedding.Dim;
        Gemm.Multiply(UserEmbedding.Weight.Row(user), d, false, ItemEmbedding.Weight.Data, d, true, scores, NumItems, 1, NumItems, d);
    }
}
