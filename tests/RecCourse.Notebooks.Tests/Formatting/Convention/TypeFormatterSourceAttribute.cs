namespace RecCourse.Notebooks.Tests.Formatting.Convention;

/// <summary>Same name as RecCourse.Display's attribute but a different type: proves matching by name.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
}
