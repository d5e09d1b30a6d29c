using System.Numerics.Tensors;

namespace RecCourse.Models;

/// <summary>
/// A YouTube-style candidate generator (Covington et al. 2016). The query tower maps a user to
/// ψ(x) = MLP([mean of the input embeddings of the user's history items | age | gender | occupation
/// embedding]) (length D); an item's score is ψ(x)·w_i + b_i with output embeddings w_i. Retrieval is
/// an exact top-K by inner product (<see cref="TopK"/>). Prediction is thread-safe.
/// </summary>
public sealed class CandidateModel : IRecommender
{
    private readonly ThreadLocal<(Mlp.Workspace Ws, float[] Input, float[] Query)> _scratch;

    internal CandidateModel(int numUsers, int numItems, int[][] histories, HybridFeatures? demographics, CandidateOptions o, Random rng)
    {
        NumUsers = numUsers; NumItems = numItems; Histories = histories; Demographics = demographics;
        HistoryDimensions = o.HistoryDimensions; OutputDimensions = o.OutputDimensions; OccupationDimensions = o.OccupationDimensions;
        HistoryEmbedding = new SparseAdamTable(Init(rng, numItems * HistoryDimensions, 0.1f), HistoryDimensions);
        ItemEmbedding = new SparseAdamTable(Init(rng, numItems * OutputDimensions, 0.1f), OutputDimensions);
        ItemBias = new SparseAdamTable(new float[numItems], 1);
        int occupations = demographics?.NumOccupations ?? 1;
        OccupationEmbedding = new SparseAdamTable(Init(rng, occupations * OccupationDimensions, 0.1f), OccupationDimensions);
        InputSize = HistoryDimensions + (demographics is null ? 0 : demographics.UserWidth + OccupationDimensions);
        Tower = new Mlp([InputSize, .. o.HiddenWidths, OutputDimensions], rng, zeroLastLayer: false);
        _scratch = new(() => (Tower.NewWorkspace(), new float[InputSize], new float[OutputDimensions]));
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
    internal SparseAdamTable HistoryEmbedding { get; }
    internal SparseAdamTable ItemEmbedding { get; }
    internal SparseAdamTable ItemBias { get; }
    internal SparseAdamTable OccupationEmbedding { get; }
    internal Mlp Tower { get; }

    /// <summary>The output item embeddings (NumItems × D, row-major).</summary>
    public ReadOnlySpan<float> ItemVectors => ItemEmbedding.Values;
    /// <summary>b_i, the per-item output bias.</summary>
    public ReadOnlySpan<float> ItemBiases => ItemBias.Values;

    /// <summary>Writes ψ for <paramref name="user"/> (from the full training history) into <paramref name="query"/> (length D).</summary>
    public void Query(int user, Span<float> query)
    {
        CheckUser(user);
        if (query.Length != OutputDimensions) throw new ArgumentException($"query has length {query.Length}, expected D = {OutputDimensions}", nameof(query));
        var (ws, input, _) = _scratch.Value;
        BuildInput(user, -1, input);
        Tower.Forward(input, ws, 0, null).CopyTo(query);
    }

    public float Predict(int user, int item)
    {
        if ((uint)item >= (uint)NumItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"item index must be in [0, {NumItems})");
        var q = _scratch.Value.Query;
        Query(user, q);
        return ItemBias.Values[item] + TensorPrimitives.Dot(q, ItemEmbedding.Values.AsSpan(item * OutputDimensions, OutputDimensions));
    }

    public void ScoreItems(int user, Span<float> scores)
    {
        if (scores.Length != NumItems) throw new ArgumentException($"scores has length {scores.Length}, expected NumItems = {NumItems}.", nameof(scores));
        var q = _scratch.Value.Query;
        Query(user, q);
        int d = OutputDimensions;
        for (int i = 0; i < NumItems; i++) scores[i] = ItemBias.Values[i] + TensorPrimitives.Dot(q, ItemEmbedding.Values.AsSpan(i * d, d));
    }

    /// <summary>The top <paramref name="k"/> items for <paramref name="user"/> by exact inner-product
    /// search, best first, skipping the user's training history when <paramref name="excludeHistory"/>.</summary>
    public (int Item, float Score)[] Retrieve(int user, int k, bool excludeHistory = true)
    {
        var q = new float[OutputDimensions];
        Query(user, q);
        var h = Histories[user];
        return TopK.Retrieve(q, ItemEmbedding.Values, k, ItemBias.Values, excludeHistory ? i => Array.BinarySearch(h, i) >= 0 : null);
    }

    /// <summary>Tower input for <paramref name="user"/> from the full training history.</summary>
    internal void BuildInput(int user, int leaveOut, Span<float> input) => BuildInput(user, Histories[user], leaveOut, input);

    /// <summary>Tower input from the items of <paramref name="history"/>, leaving
    /// <paramref name="leaveOut"/> (a training target, or −1) out of the mean so the model never sees
    /// the answer in its input.</summary>
    internal void BuildInput(int user, ReadOnlySpan<int> history, int leaveOut, Span<float> input)
    {
        int dh = HistoryDimensions;
        var mean = input[..dh];
        mean.Clear();
        int n = 0;
        foreach (int j in history)
        {
            if (j == leaveOut) continue;
            TensorPrimitives.Add(mean, HistoryEmbedding.Values.AsSpan(j * dh, dh), mean);
            n++;
        }
        if (n > 0) TensorPrimitives.Multiply(mean, 1f / n, mean);
        if (Demographics is null) return;
        Demographics.FillUser(user, input.Slice(dh, Demographics.UserWidth));
        int occ = Demographics.Occupation[user];
        OccupationEmbedding.Values.AsSpan(occ * OccupationDimensions, OccupationDimensions).CopyTo(input[(dh + Demographics.UserWidth)..]);
    }

    private void CheckUser(int user)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"user index must be in [0, {NumUsers})");
    }

    private static float[] Init(Random rng, int n, float std)
    {
        var w = new float[n];
        MatrixFactorizationTrainer.Gaussian(rng, w, std);
        return w;
    }
}
