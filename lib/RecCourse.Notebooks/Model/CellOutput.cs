namespace RecCourse.Notebooks.Model;

/// <summary>
/// One output of a code cell in Jupyter's nbformat shape: a <c>stream</c> (stdout/stderr text),
/// <c>display_data</c> or <c>execute_result</c> (a MIME bundle), or an <c>error</c>
/// (ename, evalue, traceback lines, as .NET Interactive wrote them).
/// </summary>
public sealed class CellOutput
{
    /// <summary>nbformat output type: "stream", "display_data", "execute_result" or "error".</summary>
    public required string OutputType { get; init; }

    /// <summary>Stream name ("stdout" or "stderr") for stream outputs.</summary>
    public string? StreamName { get; init; }

    /// <summary>Stream text for stream outputs.</summary>
    public string? Text { get; init; }

    /// <summary>MIME type → content for display_data / execute_result (e.g. "text/html").</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>Error name; .NET Interactive always wrote "Error".</summary>
    public string? EName { get; init; }

    /// <summary>Error message.</summary>
    public string? EValue { get; init; }

    /// <summary>Error detail lines (compiler diagnostics or stack frames).</summary>
    public IReadOnlyList<string> Traceback { get; init; } = [];

    /// <summary>A stdout/stderr stream output.</summary>
    public static CellOutput Stream(string name, string text) =>
        new() { OutputType = "stream", StreamName = name, Text = text };

    /// <summary>A display_data output carrying one MIME bundle.</summary>
    public static CellOutput Display(IReadOnlyDictionary<string, string> data) =>
        new() { OutputType = "display_data", Data = data };

    /// <summary>The value of a cell's trailing expression.</summary>
    public static CellOutput Result(IReadOnlyDictionary<string, string> data) =>
        new() { OutputType = "execute_result", Data = data };

    /// <summary>An error output; <paramref name="message"/> becomes evalue.</summary>
    public static CellOutput Error(string message, IReadOnlyList<string> traceback) =>
        new() { OutputType = "error", EName = "Error", EValue = message, Traceback = traceback };

    /// <summary>The plain text of this output (stream text, text/plain, or the error message).</summary>
    public string PlainText => OutputType switch
    {
        "stream" => Text ?? "",
        "error" => EValue ?? "",
        _ => Data.TryGetValue("text/plain", out var t) ? t : "",
    };
}
