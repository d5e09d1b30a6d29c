namespace RecCourse.Display;

/// <summary>Writes <see cref="IHtmlRenderable.ToHtml"/> as text/html; declines other values.</summary>
public sealed class HtmlFormatter
{
    /// <summary>Always "text/html".</summary>
    public string MimeType => "text/html";

    /// <summary>Writes the HTML of <paramref name="instance"/>; false when it is not <see cref="IHtmlRenderable"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not IHtmlRenderable renderable) return false;
        writer.Write(renderable.ToHtml());
        return true;
    }
}
