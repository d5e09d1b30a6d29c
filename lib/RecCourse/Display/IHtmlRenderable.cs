namespace RecCourse.Display;

/// <summary>
/// A library value with an HTML view (figures, tables, audit reports). Implementers also carry
/// <c>[TypeFormatterSource(typeof(HtmlFormatterSource))]</c> so notebooks display that HTML.
/// </summary>
public interface IHtmlRenderable
{
    /// <summary>A self-contained HTML fragment (no &lt;html&gt;/&lt;body&gt;; scripts allowed).</summary>
    string ToHtml();
}
