namespace RecCourse.Notebooks.Tests.Formatting.Convention;

public sealed class BadgeFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() => [new BadgeFormatter()];
}
