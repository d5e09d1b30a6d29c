namespace RecCourse.Notebooks.IO;

/// <summary>A notebook file that cannot be read; the message names the file and, where known, the line.</summary>
public sealed class NotebookFormatException(string message, Exception? inner = null) : Exception(message, inner);
