namespace RecCourse.Models;

/// <summary>
/// The hybrid rating model built by <see cref="HybridTrainer"/>:
/// x = [μ + b_u + b_i + p_u·q_i  (wide path, when present; μ alone otherwise)] + MLP([e_u | e_i | f(u, i) | o_occ(u)]),
/// where f is the dense metadata vector of <see cref="HybridFeatures"/>. The prediction is the wide
/// path's output mapping of x (identity for the default MF recipe), or low + (high − low)·σ(x) for
/// the pure deep model. Thread-safe for prediction.
/// </summary>
public sealed class HybridModel : ITimeAwareRecommender
{
    private readonly ThreadLocal<(Mlp.Workspace Ws, float[] Input, float[] InputGrad)> _scratch;

    internal HybridModel(HybridFeatures features, MatrixFactorizationModel? mf, HybridOptions o, Random rng)
    {
        Features = features; Mf = mf; UseMetadata = o.UseMetadata; YRange = o.YRange;
        NumUsers = features.NumUsers; NumItems = features.NumItems;
        EmbeddingDimensions = o.EmbeddingDimensions; OccupationDimensions = o.OccupationDimensions;
        UserEmbedding = new SparseAdamTable(Init(rng, NumUsers * EmbeddingDimensions), EmbeddingDimensions);
        ItemEmbedding = new SparseAdamTable(Init(rng, NumItems * EmbeddingDimensions), EmbeddingDimensions);
        OccupationEmbedding = new SparseAdamTable(Init(rng, features.NumOccupations * OccupationDimensions), OccupationDimensions);
        int input = 2 * EmbeddingDimensions + (UseMetadata ? features.FeatureCount + OccupationDimensions : 0);
        Network = new Mlp([input, .. o.HiddenWidths, 1], rng, zeroLastLayer: mf is not null);
        _scratch = new(() => (Network.NewWorkspace(), new float[input], new float[input]));
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
    public float GlobalBias { get; internal set; }
    public int EmbeddingDimensions { get; }
    public int OccupationDimensions { get; }
    internal SparseAdamTable UserEmbedding { get; }
    internal SparseAdamTable ItemEmbedding { get; }
    internal SparseAdamTable OccupationEmbedding { get; }
    internal Mlp Network { get; }

    public float Predict(int user, int item) => PredictAt(user, item, NoTime);

    /// <summary>The prediction with the wide path's session bias for <paramref name="timestamp"/> (when it has one).</summary>
    public float PredictAt(int user, int item, long timestamp)
    {
        CheckPair(user, item);
        var (ws, input, _) = _scratch.Value;
        Assemble(user, item, null, input);
        return Output(BaseLogit(user, item, timestamp) + Network.Forward(input, ws, 0, null)[0]).Yhat;
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
    /// dŷ/dfeatures written into <paramref name="gradient"/>. Dropout is off (evaluation mode) and no
    /// session bias applies (as in <see cref="Predict"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model was trained without metadata.</exception>
    public float PredictWithFeatureGradient(int user, int item, ReadOnlySpan<float> features, Span<float> gradient)
    {
        CheckPair(user, item);
        if (!UseMetadata) throw new InvalidOperationException("this hybrid model was trained without metadata (UseMetadata = false): it has no feature inputs");
        if (features.Length != Features.FeatureCount) throw new ArgumentException($"features has length {features.Length}, expected {Features.FeatureCount}", nameof(features));
        if (gradient.Length != Features.FeatureCount) throw new ArgumentException($"gradient has length {gradient.Length}, expected {Features.FeatureCount}", nameof(gradient));
        var (ws, input, inputGrad) = _scratch.Value;
        Assemble(user, item, features, input);
        var (yhat, slope) = Output(BaseLogit(user, item, NoTime) + Network.Forward(input, ws, 0, null)[0]);
        Network.Backward([slope], ws, inputGrad, accumulate: false);
        inputGrad.AsSpan(2 * EmbeddingDimensions, Features.FeatureCount).CopyTo(gradient);
        return yhat;
    }

    internal float BaseLogit(int user, int item, long timestamp) =>
        Mf is null ? GlobalBias : timestamp == NoTime ? Mf.Logit(user, item) : Mf.LogitAt(user, item, timestamp);

    /// <summary>ŷ and dŷ/dx.</summary>
    internal (float Yhat, float Slope) Output(float x)
    {
        if (Mf is { YRange: null }) return (x, 1);
        var (lo, hi) = Mf?.YRange ?? YRange;
        float s = MatrixFactorizationModel.Sigmoid(x);
        return (lo + (hi - lo) * s, (hi - lo) * s * (1 - s));
    }

    /// <summary>Writes the MLP input; <paramref name="features"/> overrides the pair's metadata when given.</summary>
    internal void Assemble(int user, int item, ReadOnlySpan<float> features, Span<float> input) =>
        Assemble(user, item, features, input, features.Length > 0);

    private void Assemble(int user, int item, ReadOnlySpan<float> features, Span<float> input, bool overrideFeatures)
    {
        int e = EmbeddingDimensions;
        UserEmbedding.Values.AsSpan(user * e, e).CopyTo(input);
        ItemEmbedding.Values.AsSpan(item * e, e).CopyTo(input[e..]);
        if (!UseMetadata) return;
        var f = input.Slice(2 * e, Features.FeatureCount);
        if (overrideFeatures) features.CopyTo(f); else Features.Fill(user, item, f);
        int o = OccupationDimensions, occ = Features.Occupation[user];
        OccupationEmbedding.Values.AsSpan(occ * o, o).CopyTo(input[(2 * e + Features.FeatureCount)..]);
    }

    private void CheckPair(int user, int item)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"user index must be in [0, {NumUsers})");
        if ((uint)item >= (uint)NumItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"item index must be in [0, {NumItems})");
    }

    private static float[] Init(Random rng, int n)
    {
        var w = new float[n];
        MatrixFactorizationTrainer.Gaussian(rng, w, 0.05f);
        return w;
    }
}
