namespace RecCourse.Notebooks.Tests.Formatting.Convention;

/// <summary>A type formatted through a locally defined attribute of the conventional name.</summary>
[TypeFormatterSource(typeof(BadgeFormatterSource))]
public sealed record Badge(string Text);
