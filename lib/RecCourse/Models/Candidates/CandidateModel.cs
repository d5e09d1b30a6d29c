using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using RecCourse.Nn;
using RecCourse.Tensors;

namespace RecCourse.Models;

/// <summary>
/// A YouTube-style candidate generator (Covington et al. 2016). The query tower maps a user to
/// ψ(x) = MLP([mean of the input embeddings of the user's history items | age | gender | occupation
/// embedding]) (length D); an item's score is ψ(x)·w_i + b_i with output embeddings w_i. Retrieval is
/// an exact top-K by inner product (<see cref="TopK"/>). Prediction is thread-safe.
/// </summary>
/// <remarks>The parameters are engine tensors (<see cref="Tensor"/>) and the tower an engine
/// <see cref="Sequential"/> of <see cref="Linear"/> and <see cref="ReLU"/> layers, trained by
/// <see cref="CandidateTrainer"/>.</remarks>
public sealed class CandidateModel : IRecommender
{
    private readonly ThreadLocal<(float[] Input, float[] Query)> _scratch;

    internal CandidateModel(int numUsers, int numItems, int[][] histories, HybridFeatures? demographics, CandidateOptions o, Random rng)
    {
        NumUsers = numUsers; NumItems = numItems; Histories = histories; Demographics = demographics;
        HistoryDimensions = o.HistoryDimensions; OutputDimensions = o.OutputDimensions; OccupationDimensions = o.OccupationDimensions;
        HistoryEmbedding = Table(rng, numItems, HistoryDimensions, 0.1f, "history item embeddings");
        ItemEmbedding = Table(rng, numItems, OutputDimensions, 0.1f, "output item embeddings");
        ItemBias = new Tensor(numItems, 1) { Name = "item bias", RequiresGrad = true };
        int occupations = demographics?.NumOccupations ?? 1;
        OccupationEmbedding = Table(rng, occupations, OccupationDimensions, 0.1f, "occupation embeddings");
        InputSize = HistoryDimensions + (demographics is null ? 0 : demographics.UserWidth + OccupationDimensions);
        int[] sizes = [InputSize, .. o.HiddenWidths, OutputDimensions];
        var layers = new List<Module>();
        for (int l = 0; l < sizes.Length - 1; l++)
        {
            var linear = new Linear(sizes[l], sizes[l + 1], rng);
            // He initialisation and zero biases (the tuned settings assume it), not nn.Linear's uniform default.
            MatrixFactorizationTrainer.Gaussian(rng, linear.Weight.Data, MathF.Sqrt(2f / sizes[l]));
            linear.Bias!.Data.AsSpan().Clear();
            layers.Add(linear);
            if (l < sizes.Length - 2) layers.Add(new ReLU());
        }
        Tower = new Sequential([.. layers]);
        _scratch = new(() => (new float[InputSize], new float[OutputDimensions]));
    }

    public int NumUsers { get; }
    public int NumItems { get; }
    /// <summary>Each user's training positives (sorted): the history the query tower averages.</summary>
    public int[][] Histories { get; }
    /// <summary>Source of age, gender and occupation; null when the tower ignores demographics.</summary>
    public HybridFeatures? Demographics { get; }
    public int HistoryDimensions { get; }
    /// <summary>D, the length of ψ and of the output item embeddings.</summary>
    public int OutputDimensions { get; }
    public int OccupationDimensions { get; }
    internal int InputSize { get; }
    /// <summary>Input item embeddings [NumItems × HistoryDimensions], averaged over a history.</summary>
    internal Tensor HistoryEmbedding { get; }
    /// <summary>Output item embeddings w_i [NumItems × D].</summary>
    internal Tensor ItemEmbedding { get; }
    /// <summary>b_i [NumItems × 1].</summary>
    internal Tensor ItemBias { get; }
    /// <summary>[occupations × OccupationDimensions] (one unused row without demographics).</summary>
    internal Tensor OccupationEmbedding { get; }
    /// <summary>The MLP: [batch × InputSize] → ψ [batch × D].</summary>
    internal Sequential Tower { get; }

    /// <summary>The output item embeddings (NumItems × D, row-major).</summary>
    public ReadOnlySpan<float> ItemVectors => ItemEmbedding.Data;
    /// <summary>b_i, the per-item output bias.</summary>
    public ReadOnlySpan<float> ItemBiases => ItemBias.Data;

    /// <summary>Writes ψ for <paramref name="user"/> (from the full training history) into <paramref name="query"/> (length D).</summary>
    public void Query(int user, Span<float> query)
    {
        CheckUser(user);
        if (query.Length != OutputDimensions) throw new ArgumentException($"query has length {query.Length}, expected D = {OutputDimensions}", nameof(query));
        var input = _scratch.Value.Input;
        BuildInput(user, Histories[user], -1, input);
        using (Autograd.NoGrad())
            Tower.Forward(new Tensor(input, 1, InputSize)).Data.AsSpan(0, OutputDimensions).CopyTo(query);
    }

    public float Predict(int user, int item)
    {
        if ((uint)item >= (uint)NumItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"item index must be in [0, {NumItems})");
        var q = _scratch.Value.Query;
        Query(user, q);
        return ItemBias.Data[item] + TensorPrimitives.Dot(q, ItemEmbedding.Data.AsSpan(item * OutputDimensions, OutputDimensions));
    }

    public void ScoreItems(int user, Span<float> scores)
    {
        if (scores.Length != NumItems) throw new ArgumentException($"scores has length {scores.Length}, expected NumItems = {NumItems}.", nameof(scores));
        var q = _scratch.Value.Query;
        Query(user, q);
        int d = OutputDimensions;
        for (int i = 0; i < NumItems; i++) scores[i] = ItemBias.Data[i] + TensorPrimitives.Dot(q, ItemEmbedding.Data.AsSpan(i * d, d));
    }

    /// <summary>The top <paramref name="k"/> items for <paramref name="user"/> by exact inner-product
    /// search, best first, skipping the user's training history when <paramref name="excludeHistory"/>.</summary>
    public (int Item, float Score)[] Retrieve(int user, int k, bool excludeHistory = true)
    {
        var q = new float[OutputDimensions];
        Query(user, q);
        var h = Histories[user];
        return TopK.Retrieve(q, ItemEmbedding.Data, k, ItemBias.Data, excludeHistory ? i => Array.BinarySearch(h, i) >= 0 : null);
    }

    /// <summary>Tower input (plain floats, no graph) from the items of <paramref name="history"/>,
    /// leaving <paramref name="leaveOut"/> (a training target, or −1) out of the mean so the model
    /// never sees the answer in its input. Training builds the same input on the engine.</summary>
    internal void BuildInput(int user, ReadOnlySpan<int> history, int leaveOut, Span<float> input)
    {
        int dh = HistoryDimensions;
        var mean = input[..dh];
        mean.Clear();
        int n = 0;
        foreach (int j in history)
        {
            if (j == leaveOut) continue;
            TensorPrimitives.Add(mean, HistoryEmbedding.Data.AsSpan(j * dh, dh), mean);
            n++;
        }
        if (n > 0) TensorPrimitives.Multiply(mean, 1f / n, mean);
        if (Demographics is null) return;
        Demographics.FillUser(user, input.Slice(dh, Demographics.UserWidth));
        int occ = Demographics.Occupation[user];
        OccupationEmbedding.Data.AsSpan(occ * OccupationDimensions, OccupationDimensions).CopyTo(input[(dh + Demographics.UserWidth)..]);
    }

    private void CheckUser(int user)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"user index must be in [0, {NumUsers})");
    }

    private static Tensor Table(Random rng, int rows, int cols, float std, string name)
    {
        var w = new float[rows * cols];
        MatrixFactorizationTrainer.Gaussian(rng, w, std);
        return new Tensor(w, rows, cols) { Name = name, RequiresGrad = true };
    }
}
