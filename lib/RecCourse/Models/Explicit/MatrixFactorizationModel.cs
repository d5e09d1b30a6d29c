using System.Numerics.Tensors;

namespace RecCourse.Models;

/// <summary>
/// Biased matrix factorisation: x = μ + b_u + b_i + p_u·q_i, and the prediction is x itself or, with a
/// y_range (low, high), low + (high − low)·σ(x). Factor tables are row-major float32 arrays
/// (user u's factors are <c>UserFactors[u*d .. u*d+d)</c>) so notebooks can plot or probe them.
/// With session biases (timeSVD++'s b_{u,t}), <see cref="PredictAt"/> adds the bias of the user's
/// rating session (Unix time bucketed by <see cref="SessionSeconds"/>) when training saw that session.
/// </summary>
public sealed class MatrixFactorizationModel : ITimeAwareRecommender
{
    /// <summary>Creates a model with all factors and biases zero (trainers fill them in).</summary>
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
        CheckPair(user, item);
        return Activate(Logit(user, item));
    }

    private void CheckPair(int user, int item)
    {
        if ((uint)user >= (uint)NumUsers) throw new ArgumentOutOfRangeException(nameof(user), user, $"user index must be in [0, {NumUsers})");
        if ((uint)item >= (uint)NumItems) throw new ArgumentOutOfRangeException(nameof(item), item, $"item index must be in [0, {NumItems})");
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

    /// <summary>Length of a session bucket in seconds; 0 when the model has no session biases.</summary>
    public long SessionSeconds { get; private set; }
    /// <summary>b_{u,s}: one bias per (user, session) seen in training, indexed by <see cref="SessionIndex"/>.</summary>
    public float[] SessionBias { get; private set; } = [];
    private Dictionary<long, int> _sessions = new();

    /// <summary>The index into <see cref="SessionBias"/> of (user, timestamp)'s session, or −1 when unseen.</summary>
    public int SessionIndex(int user, long timestamp) =>
        SessionSeconds > 0 && _sessions.TryGetValue(SessionKey(user, timestamp), out int s) ? s : -1;

    /// <summary>The pre-activation at a given time: <see cref="Logit"/> plus the session bias.</summary>
    public float LogitAt(int user, int item, long timestamp)
    {
        int s = SessionIndex(user, timestamp);
        return Logit(user, item) + (s >= 0 ? SessionBias[s] : 0);
    }

    public float PredictAt(int user, int item, long timestamp)
    {
        CheckPair(user, item);
        return Activate(LogitAt(user, item, timestamp));
    }

    /// <summary>Creates one zero bias per (user, session) of <paramref name="ratings"/>; returns each row's session index.</summary>
    internal int[] BuildSessions(Data.RatingTable ratings, long seconds)
    {
        SessionSeconds = seconds;
        _sessions = new Dictionary<long, int>();
        var rowSession = new int[ratings.Count];
        for (int k = 0; k < ratings.Count; k++)
        {
            long key = SessionKey(ratings.Users[k], ratings.Timestamps[k]);
            if (!_sessions.TryGetValue(key, out int s)) _sessions[key] = s = _sessions.Count;
            rowSession[k] = s;
        }
        SessionBias = new float[_sessions.Count];
        return rowSession;
    }

    private long SessionKey(int user, long timestamp) => (long)user << 40 | (timestamp / SessionSeconds & 0xFF_FFFF_FFFFL);

    internal static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
