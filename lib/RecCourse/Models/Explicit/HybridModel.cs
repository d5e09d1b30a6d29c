using RecCourse.Nn;
using RecCourse.Tensors;

namespace RecCourse.Models;

/// <summary>
/// The hybrid rating model built by <see cref="HybridTrainer"/>:
/// x = [μ + b_u + b_i + p_u·q_i  (wide path, when present; μ alone otherwise)] + MLP([e_u | e_i | f(u, i) | o_occ(u)]),
/// where f is the dense metadata vector of <see cref="HybridFeatures"/>. The prediction is the wide
/// path's output mapping of x (identity for the default MF recipe), or low + (high − low)·σ(x) for
/// the pure deep model. The deep path is built from the kit's engine (<see cref="Embedding"/>,
/// <see cref="Linear"/>, <see cref="ReLU"/>, <see cref="Dropout"/>, <see cref="Sequential"/>).
/// Thread-safe for prediction.
/// </summary>
public sealed class HybridModel : ITimeAwareRecommender
{
    private readonly ThreadLocal<Scratch> _scratch;
    private readonly object _gradientLock = new();

    internal HybridModel(HybridFeatures features, MatrixFactorizationModel? mf, HybridOptions o, Random rng)
    {
        Features = features; Mf = mf; UseMetadata = o.UseMetadata; YRange = o.YRange;
        NumUsers = features.NumUsers; NumItems = features.NumItems;
        EmbeddingDimensions = o.EmbeddingDimensions; OccupationDimensions = o.OccupationDimensions;
        // The modules are built with a throw-away generator and then initialised from rng in a fixed
        // order (embeddings N(0, 0.05²), He-normal hidden layers, zero output layer with an MF path).
        var scratch = new Random(0);
        UserEmbedding = new Embedding(NumUsers, EmbeddingDimensions, scratch);
        ItemEmbedding = new Embedding(NumItems, EmbeddingDimensions, scratch);
        OccupationEmbedding = new Embedding(features.NumOccupations, OccupationDimensions, scratch);
        foreach (var table in new[] { UserEmbedding, ItemEmbedding, OccupationEmbedding })
            MatrixFactorizationTrainer.Gaussian(rng, table.Weight.Data, 0.05f);
        InputSize = 2 * EmbeddingDimensions + (UseMetadata ? features.FeatureCount + OccupationDimensions : 0);
        var layers = new List<Module>();
        int width = InputSize;
        for (int h = 0; h < o.HiddenWidths.Length; h++)
        {
            layers.Add(HeLinear(width, o.HiddenWidths[h], rng, zero: false));
            layers.Add(new ReLU());
            if (o.Dropout > 0) layers.Add(new Dropout(o.Dropout, o.Seed + h));
            width = o.HiddenWidths[h];
        }
        // A zero output layer makes the deep path start at 0: stage 2 starts exactly at the MF predictions.
        layers.Add(HeLinear(width, 1, rng, zero: mf is not null));
        Network = new Sequential([.. layers]);
        GlobalBiasParameter = new Tensor(1) { Name = "global bias", RequiresGrad = true };
        _scratch = new(() => new Scratch(features.FeatureCount));
    }

    public int NumUsers { get; }
    public int NumItems { get; }
    public HybridFeatures Features { get; }
    /// <summary>The wide path, or null for the pure deep model.</summary>
    public MatrixFactorizationModel? Mf { get; }
    public bool UseMetadata { get; }
    /// <summary>Output range used when there is no wide path.</summary>
    public (float Low, float High) YRange { get; }
    /// <summary>μ of the pure deep model (unused with a wide path, whose own μ applies).</summary>
    public float GlobalBias { get => GlobalBiasParameter.Data[0]; internal set => GlobalBiasParameter.Data[0] = value; }
    public int EmbeddingDimensions { get; }
    public int OccupationDimensions { get; }
    internal Embedding UserEmbedding { get; }
    internal Embedding ItemEmbedding { get; }
    internal Embedding OccupationEmbedding { get; }
    /// <summary>The MLP: [n × <see cref="InputSize"/>] → [n × 1].</summary>
    internal Sequential Network { get; }
    internal int InputSize { get; }
    /// <summary>[1]: the pure deep model's μ, trained by plain SGD.</summary>
    internal Tensor GlobalBiasParameter { get; }

    /// <summary>The parameters of the deep path that Adam trains (embedding tables and MLP).</summary>
    internal IEnumerable<Tensor> DeepParameters() =>
        [UserEmbedding.Weight, ItemEmbedding.Weight, .. UseMetadata ? [OccupationEmbedding.Weight] : Array.Empty<Tensor>(), .. Network.Parameters()];

    public float Predict(int user, int item) => PredictAt(user, item, NoTime);

    /// <summary>The prediction with the wide path's session bias for <paramref name="timestamp"/> (when it has one).</summary>
    public float PredictAt(int user, int item, long timestamp)
    {
        CheckPair(user, item);
        var s = _scratch.Value!;
        s.User[0] = user; s.Item[0] = item;
        s.Base.Data[0] = BaseLogit(user, item, timestamp);
        if (UseMetadata) Features.Fill(user, item, s.Features.Data);
        using (Autograd.NoGrad())
        using (s.Arena.Activate())
        {
            float y = Output(Logits(s.User, s.Item, s.Features, s.Base, out _, out _)).Data[0];
            s.Arena.Reset();
            return y;
        }
    }

    /// <summary>Marks "no timestamp": no session bias applies.</summary>
    internal const long NoTime = long.MinValue;

    public void ScoreItems(int user, Span<float> scores)
    {
        if (scores.Length != NumItems) throw new ArgumentException($"scores has length {scores.Length}, expected NumItems = {NumItems}.", nameof(scores));
        for (int i = 0; i < NumItems; i++) scores[i] = Predict(user, i);
    }

    /// <summary>
    /// The prediction for (user, item) when the dense metadata vector is <paramref name="features"/>
    /// (length <see cref="HybridFeatures.FeatureCount"/>, e.g. an integrated-gradients interpolation
    /// between a baseline and <see cref="HybridFeatures.Fill"/>'s vector), and its gradient
    /// dŷ/dfeatures written into <paramref name="gradient"/>, computed by the engine's autograd.
    /// Dropout is off (evaluation mode) and no session bias applies (as in <see cref="Predict"/>).
    /// Calls are serialised (the backward pass writes the parameters' gradient buffers).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model was trained without metadata.</exception>
    public float PredictWithFeatureGradient(int user, int item, ReadOnlySpan<float> features, Span<float> gradient)
    {
        CheckPair(user, item);
        if (!UseMetadata) throw new InvalidOperationException("this hybrid model was trained without metadata (UseMetadata = false): it has no feature inputs");
        if (features.Length != Features.FeatureCount) throw new ArgumentException($"features has length {features.Length}, expected {Features.FeatureCount}", nameof(features));
        if (gradient.Length != Features.FeatureCount) throw new ArgumentException($"gradient has length {gradient.Length}, expected {Features.FeatureCount}", nameof(gradient));
        lock (_gradientLock)
        {
            var s = _scratch.Value!;
            s.User[0] = user; s.Item[0] = item;
            s.Base.Data[0] = BaseLogit(user, item, NoTime);
            features.CopyTo(s.Features.Data);
            s.Features.RequiresGrad = true;
            s.Features.ZeroGrad();
            try
            {
                using (s.Arena.Activate())
                {
                    var yhat = Output(Logits(s.User, s.Item, s.Features, s.Base, out _, out _));
                    yhat.Backward();
                    float y = yhat.Data[0];
                    s.Features.Grad.AsSpan().CopyTo(gradient);
                    s.Arena.Reset();
                    return y;
                }
            }
            finally { s.Features.RequiresGrad = false; }
        }
    }

    /// <summary>
    /// The logits x [n] of a batch: <paramref name="baseLogits"/> [n] (the wide path, a constant) plus
    /// the MLP of the assembled inputs. <paramref name="features"/> is the [n × FeatureCount] metadata
    /// (ignored without metadata). The gathered user and item embedding rows are returned for the L2 term.
    /// </summary>
    internal Tensor Logits(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Tensor features, Tensor baseLogits,
        out Tensor userRows, out Tensor itemRows)
    {
        userRows = UserEmbedding.Forward(users);
        itemRows = ItemEmbedding.Forward(items);
        Tensor input;
        if (UseMetadata)
        {
            Span<int> occupations = users.Length <= 1024 ? stackalloc int[users.Length] : new int[users.Length];
            for (int r = 0; r < users.Length; r++) occupations[r] = Features.Occupation[users[r]];
            input = Ops.Concat(userRows, itemRows, features, OccupationEmbedding.Forward(occupations));
        }
        else input = Ops.Concat(userRows, itemRows);
        var deep = Network.Forward(input);
        if (Mf is null) deep = Ops.AddRowVector(deep, GlobalBiasParameter);
        return Ops.Add(Ops.Flatten(deep), baseLogits);
    }

    /// <summary>The wide path's logit without the deep part (0 for the pure deep model, whose μ is <see cref="GlobalBiasParameter"/>).</summary>
    internal float BaseLogit(int user, int item, long timestamp) =>
        Mf is null ? 0f : timestamp == NoTime ? Mf.Logit(user, item) : Mf.LogitAt(user, item, timestamp);

    /// <summary>ŷ from the logits: identity for an MF path without y_range, else low + (high − low)·σ(x).</summary>
    internal Tensor Output(Tensor x)
    {
        if (Mf is { YRange: null }) return x;
        var (lo, hi) = Mf?.YRange ?? YRange;
        return Ops.SigmoidRange(x, lo, hi);
    }

    private void CheckPair(int user, int item)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"user index must be in [0, {NumUsers})");
        if ((uint)item >= (uint)NumItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"item index must be in [0, {NumItems})");
    }

    /// <summary>A Linear layer with He-normal weights N(0, 2 / fan-in) (the variance ReLU layers keep) and
    /// zero biases, or all zero.</summary>
    private static Linear HeLinear(int inFeatures, int outFeatures, Random rng, bool zero)
    {
        var layer = new Linear(inFeatures, outFeatures, new Random(0));
        if (zero) Array.Clear(layer.Weight.Data);
        else MatrixFactorizationTrainer.Gaussian(rng, layer.Weight.Data, MathF.Sqrt(2f / inFeatures));
        Array.Clear(layer.Bias!.Data);
        return layer;
    }

    /// <summary>Per-thread buffers of a single-pair evaluation.</summary>
    private sealed class Scratch(int featureCount)
    {
        public readonly TensorArena Arena = new();
        public readonly int[] User = new int[1], Item = new int[1];
        public readonly Tensor Features = new(1, featureCount);
        public readonly Tensor Base = new(1);
    }
}
