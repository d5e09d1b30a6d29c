namespace RecCourse.Display;

/// <summary>
/// Marks a type as displayable in notebooks without any dependency on .NET Interactive.
/// .NET Interactive (VS Code Polyglot Notebooks) matches an attribute by this exact NAME, creates
/// <see cref="FormatterSourceType"/> with its public parameterless constructor, calls its public
/// <c>CreateTypeFormatters()</c> and uses each returned object's <c>MimeType</c> property and
/// <c>bool Format(object instance, TextWriter writer)</c> method. The RecCourse runner
/// (RecCourse.Notebooks) follows the same convention, so one attribute serves both.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>A class with a public parameterless constructor and public <c>CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>MIME types the notebook should prefer for this type (default: text/html).</summary>
    public string[] PreferredMimeTypes { get; set; } = ["text/html"];
}
