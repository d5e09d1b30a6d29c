namespace RecCourse.Fairness;

/// <summary>One section of an <see cref="AuditReport"/>: a heading, optional prose and an optional table of records.</summary>
public sealed record AuditSection(string Heading, string? Text, IReadOnlyList<object> Rows);
