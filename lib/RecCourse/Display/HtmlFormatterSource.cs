namespace RecCourse.Display;

/// <summary>
/// The formatter source named by <see cref="TypeFormatterSourceAttribute"/> on library types:
/// yields one text/html formatter that renders any <see cref="IHtmlRenderable"/>.
/// </summary>
public sealed class HtmlFormatterSource
{
    /// <summary>The formatters, in the shape .NET Interactive expects by convention.</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlFormatter();
    }
}
