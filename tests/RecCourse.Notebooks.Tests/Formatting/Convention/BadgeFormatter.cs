namespace RecCourse.Notebooks.Tests.Formatting.Convention;

public sealed class BadgeFormatter
{
    public string MimeType => "text/html";

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not Badge badge) return false;
        writer.Write($"<b>{badge.Text}</b>");
        return true;
    }
}
