namespace RecCourse.Context;

/// <summary>Condition codes that mean something other than "condition number k" in context columns.</summary>
public static class ContextCondition
{
    /// <summary>
    /// In a rating's context column: the condition was not recorded (DePaulMovie's <c>NA</c>, see
    /// <see cref="DePaulCsvReader"/>). <see cref="Camf"/> adds no contextual deviation for it, the
    /// splitters leave such ratings out of that dimension's tests (and keep them with the "not in c" half),
    /// and a specific condition of <see cref="ExactPreFilter"/> or <see cref="ContextualRelevance"/> never
    /// matches it. It has the same value as <see cref="ExactPreFilter.Any"/>, which is what it means in
    /// a query context: "no particular condition".
    /// </summary>
    public const int Unknown = -1;
}
