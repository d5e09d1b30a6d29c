namespace RecCourse.Display;

/// <summary>
/// Formatter source of <see cref="LessonResults"/>: text/html (the table, via <see cref="HtmlFormatter"/>)
/// and application/json (via <see cref="JsonFormatter"/>), so one displayed value serves both the
/// reader and the notebook tests.
/// </summary>
public sealed class LessonResultsFormatterSource
{
    /// <summary>The formatters, in the shape .NET Interactive expects by convention.</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlFormatter();
        yield return new JsonFormatter();
    }
}
