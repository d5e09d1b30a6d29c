namespace RecCourse.Display;

/// <summary>Writes <see cref="LessonResults.ToJson"/> as application/json; declines other values.</summary>
public sealed class JsonFormatter
{
    /// <summary>Always "application/json".</summary>
    public string MimeType => LessonResults.JsonMimeType;

    /// <summary>Writes the JSON of <paramref name="instance"/>; false when it is not <see cref="LessonResults"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not LessonResults results) return false;
        writer.Write(results.ToJson());
        return true;
    }
}
