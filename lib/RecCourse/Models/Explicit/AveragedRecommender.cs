namespace RecCourse.Models;

/// <summary>
/// The mean of several models' scores (e.g. the same recipe trained with different seeds). Averaging
/// seeds cancels part of the initialisation noise and typically lowers RMSE by 0.005–0.01.
/// </summary>
public sealed class AveragedRecommender : ITimeAwareRecommender
{
    private readonly IRecommender[] _members;

    /// <exception cref="ArgumentException">When the list is empty or the members disagree on sizes.</exception>
    public AveragedRecommender(IReadOnlyList<IRecommender> members)
    {
        if (members.Count == 0) throw new ArgumentException("need at least one model", nameof(members));
        foreach (var m in members)
            if (m.NumUsers != members[0].NumUsers || m.NumItems != members[0].NumItems)
                throw new ArgumentException($"members differ in size: {m.NumUsers}×{m.NumItems} vs {members[0].NumUsers}×{members[0].NumItems}", nameof(members));
        _members = members.ToArray();
    }

    public IReadOnlyList<IRecommender> Members => _members;
    public int NumUsers => _members[0].NumUsers;
    public int NumItems => _members[0].NumItems;

    public float Predict(int user, int item)
    {
        double s = 0;
        foreach (var m in _members) s += m.Predict(user, item);
        return (float)(s / _members.Length);
    }

    /// <summary>The mean of the members' time-aware predictions (plain <see cref="IRecommender.Predict"/> for members that ignore time).</summary>
    public float PredictAt(int user, int item, long timestamp)
    {
        double s = 0;
        foreach (var m in _members) s += m is ITimeAwareRecommender t ? t.PredictAt(user, item, timestamp) : m.Predict(user, item);
        return (float)(s / _members.Length);
    }

    public void ScoreItems(int user, Span<float> scores)
    {
        var tmp = new float[scores.Length];
        scores.Clear();
        foreach (var m in _members)
        {
            m.ScoreItems(user, tmp);
            System.Numerics.Tensors.TensorPrimitives.Add(scores, tmp, scores);
        }
        System.Numerics.Tensors.TensorPrimitives.Multiply(scores, 1f / _members.Length, scores);
    }
}
