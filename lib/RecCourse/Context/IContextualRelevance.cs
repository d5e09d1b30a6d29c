namespace RecCourse.Context;

/// <summary>How relevant an item is for a user in a context, in [0, 1]: the quantity <see cref="PostFilter"/> filters and weights by.</summary>
public interface IContextualRelevance
{
    /// <param name="context">One condition index per dimension; <see cref="ExactPreFilter.Any"/> leaves a dimension open.</param>
    double Probability(int user, int item, ReadOnlySpan<int> context);
}
