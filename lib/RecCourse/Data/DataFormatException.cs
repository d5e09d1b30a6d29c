namespace RecCourse.Data;

/// <summary>
/// A data file does not have the expected shape. The message names the file, the 1-based line
/// number and the field, so a student can open the file at the right place.
/// </summary>
public sealed class DataFormatException : FormatException
{
    public DataFormatException(string filePath, int lineNumber, string field, string problem, Exception? inner = null)
        : base($"{filePath}:{lineNumber}: field '{field}': {problem}", inner)
    {
        FilePath = filePath; LineNumber = lineNumber; Field = field;
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }
    /// <summary>1-based line number (0 when the problem concerns the whole file).</summary>
    public int LineNumber { get; }
    /// <summary>The field (column name) that could not be read.</summary>
    public string Field { get; }
}
