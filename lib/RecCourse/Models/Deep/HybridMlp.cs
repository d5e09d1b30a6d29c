using RecCourse.Nn;
using RecCourse.Tensors;

namespace RecCourse.Models;

/// <summary>
/// Deep recommender with metadata: the input row is [user emb | item emb | item features | user
/// features | user-category emb], fed to an MLP (Linear → ReLU → Dropout …) with one output,
/// squashed into (YMin, YMax) by a sigmoid. Every side input is optional, so the same class is the
/// plain "concatenated embeddings" deep model and the hybrid one.
/// </summary>
public sealed class HybridMlp : Module, IRecommender
{
    private readonly Tensor? itemFeatures, userFeatures;
    private readonly int[]? userCategory;
    private readonly Tensor[] parts;
    private int[] categoryBuffer = [];
    private readonly HybridMlpOptions options;

    /// <param name="itemFeatures">Constant per-item features, row-major [numItems × f] (e.g. genre flags), or null.</param>
    /// <param name="itemFeatureCount">f.</param>
    /// <param name="userFeatures">Constant per-user numeric features [numUsers × g] (e.g. age/100, gender), or null.</param>
    /// <param name="userFeatureCount">g.</param>
    /// <param name="userCategory">A categorical attribute per user (e.g. occupation id) in [0, categoryCount), or null.</param>
    public HybridMlp(int numUsers, int numItems, Random rng, int dropoutSeed, HybridMlpOptions? options = null,
        float[]? itemFeatures = null, int itemFeatureCount = 0, float[]? userFeatures = null, int userFeatureCount = 0,
        int[]? userCategory = null, int categoryCount = 0)
    {
        this.options = options ??= new HybridMlpOptions();
        if (options.Dropout.Length != options.Hidden.Length)
            throw new ArgumentException($"{options.Dropout.Length} dropout rates for {options.Hidden.Length} hidden layers.", nameof(options));
        UserEmbedding = RegisterModule("U", new Embedding(numUsers, options.UserDim, rng, options.EmbeddingStd));
        ItemEmbedding = RegisterModule("V", new Embedding(numItems, options.ItemDim, rng, options.EmbeddingStd));
        int width = options.UserDim + options.ItemDim;
        if (itemFeatures is not null)
        {
            if (itemFeatures.Length != numItems * itemFeatureCount) throw new ArgumentException($"itemFeatures has {itemFeatures.Length} values, expected {numItems}×{itemFeatureCount}.", nameof(itemFeatures));
            this.itemFeatures = new Tensor(itemFeatures, numItems, itemFeatureCount);
            width += itemFeatureCount;
        }
        if (userFeatures is not null)
        {
            if (userFeatures.Length != numUsers * userFeatureCount) throw new ArgumentException($"userFeatures has {userFeatures.Length} values, expected {numUsers}×{userFeatureCount}.", nameof(userFeatures));
            this.userFeatures = new Tensor(userFeatures, numUsers, userFeatureCount);
            width += userFeatureCount;
        }
        if (userCategory is not null)
        {
            if (userCategory.Length != numUsers) throw new ArgumentException($"userCategory has {userCategory.Length} values for {numUsers} users.", nameof(userCategory));
            if (userCategory.Any(c => (uint)c >= (uint)categoryCount)) throw new ArgumentException($"userCategory values must be in [0, {categoryCount}).", nameof(userCategory));
            this.userCategory = userCategory;
            CategoryEmbedding = RegisterModule("O", new Embedding(categoryCount, options.CategoryDim, rng, options.EmbeddingStd));
            width += options.CategoryDim;
        }
        InputWidth = width;
        var layers = new List<Module>();
        int prev = width;
        for (int h = 0; h < options.Hidden.Length; h++)
        {
            layers.Add(new Linear(prev, options.Hidden[h], rng));
            layers.Add(new ReLU());
            if (options.Dropout[h] > 0) layers.Add(new Dropout(options.Dropout[h], dropoutSeed + h));
            prev = options.Hidden[h];
        }
        layers.Add(new Linear(prev, 1, rng));
        Net = RegisterModule("net", new Sequential(layers.ToArray()));
        parts = new Tensor[2 + (itemFeatures is null ? 0 : 1) + (userFeatures is null ? 0 : 1) + (userCategory is null ? 0 : 1)];
    }

    public Embedding UserEmbedding { get; }
    public Embedding ItemEmbedding { get; }
    public Embedding? CategoryEmbedding { get; }
    public Sequential Net { get; }
    /// <summary>Width of the concatenated input row.</summary>
    public int InputWidth { get; }
    public int NumUsers => UserEmbedding.Count;
    public int NumItems => ItemEmbedding.Count;

    /// <summary>The concatenated input rows [n × InputWidth] for the pairs (users[k], items[k]).</summary>
    public Tensor Features(ReadOnlySpan<int> users, ReadOnlySpan<int> items)
    {
        if (users.Length != items.Length) throw new ArgumentException($"{users.Length} users but {items.Length} items.", nameof(items));
        int p = 0;
        parts[p++] = UserEmbedding.Forward(users);
        parts[p++] = ItemEmbedding.Forward(items);
        if (itemFeatures is not null) parts[p++] = Ops.Gather(itemFeatures, items);
        if (userFeatures is not null) parts[p++] = Ops.Gather(userFeatures, users);
        if (userCategory is not null)
        {
            if (categoryBuffer.Length < users.Length) categoryBuffer = new int[users.Length];
            for (int k = 0; k < users.Length; k++) categoryBuffer[k] = userCategory[users[k]];
            parts[p++] = CategoryEmbedding!.Forward(categoryBuffer.AsSpan(0, users.Length));
        }
        return Ops.Concat(parts);
    }

    /// <summary>Predicted ratings for the pairs → vector of n.</summary>
    public Tensor Forward(ReadOnlySpan<int> users, ReadOnlySpan<int> items)
    {
        var raw = Ops.Flatten(Net.Forward(Features(users, items)));
        return options.YMax is { } hi ? Ops.SigmoidRange(raw, options.YMin, hi) : raw;
    }

    public float Predict(int user, int item)
    {
        using var _ = Autograd.NoGrad();
        return Forward([user], [item]).Data[0];
    }

    public void ScoreItems(int user, Span<float> scores)
    {
        if (scores.Length != NumItems) throw new ArgumentException($"scores has {scores.Length} slots for {NumItems} items.", nameof(scores));
        var users = new int[NumItems];
        Array.Fill(users, user);
        var items = Enumerable.Range(0, NumItems).ToArray();
        using var _ = Autograd.NoGrad();
        Forward(users, items).Data.CopyTo(scores);
    }
}
