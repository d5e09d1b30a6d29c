using RecCourse.Models;

namespace RecCourse.Tests.Fairness;

/// <summary>A recommender whose scores are a fixed users × items matrix.</summary>
internal sealed class MatrixRecommender(float[,] scores) : IRecommender
{
    public int NumUsers => scores.GetLength(0);
    public int NumItems => scores.GetLength(1);
    public float Predict(int user, int item) => scores[user, item];
    public void ScoreItems(int user, Span<float> s)
    {
        for (int i = 0; i < NumItems; i++) s[i] = scores[user, i];
    }
}
