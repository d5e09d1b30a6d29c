using System.Text.Json.Nodes;

namespace RecCourse.Notebooks.Model;

/// <summary>One cell of a notebook: its kind, kernel language, source text and (after a run) outputs.</summary>
public sealed class NotebookCell
{
    /// <summary>Code, markdown or raw.</summary>
    public required CellKind Kind { get; set; }

    /// <summary>Kernel language of a code cell ("csharp"); "markdown" for markdown cells.</summary>
    public string Language { get; set; } = "csharp";

    /// <summary>Source text with '\n' line ends.</summary>
    public required string Source { get; set; }

    /// <summary>nbformat 4.5 cell id (kept from the input, generated when missing).</summary>
    public string Id { get; set; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Outputs of the last run, empty before a run.</summary>
    public List<CellOutput> Outputs { get; } = [];

    /// <summary>Execution counter of the last run (1-based over the executed cells), null when not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Cell metadata other than the kernel name, kept as read.</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>A deep copy (outputs included).</summary>
    public NotebookCell Clone()
    {
        var copy = new NotebookCell
        {
            Kind = Kind, Language = Language, Source = Source, Id = Id, ExecutionCount = ExecutionCount,
            Metadata = (JsonObject)Metadata.DeepClone(),
        };
        copy.Outputs.AddRange(Outputs);
        return copy;
    }
}
