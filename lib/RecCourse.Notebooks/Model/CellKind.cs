namespace RecCourse.Notebooks.Model;

/// <summary>What a notebook cell holds.</summary>
public enum CellKind
{
    /// <summary>C# source run by the runner.</summary>
    Code,

    /// <summary>Markdown prose, kept but never run.</summary>
    Markdown,

    /// <summary>Anything else (raw cells, code in another kernel language): kept, never run.</summary>
    Raw,
}
