using System.Text.Json.Nodes;

namespace RecCourse.Notebooks.Model;

/// <summary>
/// A Polyglot notebook in memory: its cells in order and its notebook-level metadata.
/// Read by <see cref="IO.NotebookReader"/> from .ipynb or .dib, written by <see cref="IO.NotebookWriter"/>.
/// </summary>
public sealed class Notebook
{
    /// <summary>Path the notebook was read from (used for messages and to resolve #r/#load); may be empty.</summary>
    public string Path { get; set; } = "";

    /// <summary>The cells in order.</summary>
    public List<NotebookCell> Cells { get; } = [];

    /// <summary>Notebook metadata other than kernelspec/language_info/polyglot_notebook, kept as read.</summary>
    public JsonObject ExtraMetadata { get; set; } = [];

    /// <summary>The folder #r and #load paths are resolved against (the notebook's folder, or the current directory).</summary>
    public string BaseDirectory =>
        string.IsNullOrEmpty(Path) ? Directory.GetCurrentDirectory()
        : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? Directory.GetCurrentDirectory();

    /// <summary>A deep copy.</summary>
    public Notebook Clone()
    {
        var copy = new Notebook { Path = Path, ExtraMetadata = (JsonObject)ExtraMetadata.DeepClone() };
        copy.Cells.AddRange(Cells.Select(c => c.Clone()));
        return copy;
    }
}
