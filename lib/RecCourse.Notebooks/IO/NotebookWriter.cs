using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.IO;

/// <summary>
/// Writes notebooks as Polyglot <c>.ipynb</c> (nbformat 4.5, kernelspec <c>.net-csharp</c>, per-cell
/// kernel names) so VS Code's Polyglot Notebooks extension and Jupyter tools open them.
/// </summary>
public static class NotebookWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="notebook"/> to <paramref name="path"/>, creating the folder.</summary>
    public static void Write(Notebook notebook, string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, ToJson(notebook), new UTF8Encoding(false));
    }

    /// <summary>The .ipynb JSON text.</summary>
    public static string ToJson(Notebook notebook)
    {
        var metadata = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            ["polyglot_notebook"] = new JsonObject
            {
                ["kernelInfo"] = new JsonObject
                {
                    ["defaultKernelName"] = "csharp",
                    ["items"] = new JsonArray(
                        new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" },
                        new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "Markdown", ["name"] = "markdown" }),
                },
            },
        };
        foreach (var (name, value) in notebook.ExtraMetadata) metadata[name] = value?.DeepClone();

        var cells = new JsonArray();
        foreach (var cell in notebook.Cells) cells.Add(CellToJson(cell));
        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return root.ToJsonString(Indented) + "\n";
    }

    private static JsonObject CellToJson(NotebookCell cell)
    {
        var meta = (JsonObject)cell.Metadata.DeepClone();
        var json = new JsonObject
        {
            ["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" },
            ["id"] = cell.Id,
            ["metadata"] = meta,
            ["source"] = Lines(cell.Source),
        };
        if (cell.Kind == CellKind.Code)
        {
            meta["dotnet_interactive"] = new JsonObject { ["language"] = cell.Language };
            meta["polyglot_notebook"] = new JsonObject { ["kernelName"] = cell.Language };
            json["execution_count"] = cell.ExecutionCount;
            var outputs = new JsonArray();
            foreach (var o in cell.Outputs) outputs.Add(OutputToJson(o, cell.ExecutionCount));
            json["outputs"] = outputs;
        }
        return json;
    }

    private static JsonObject OutputToJson(CellOutput o, int? count)
    {
        switch (o.OutputType)
        {
            case "stream":
                return new JsonObject { ["name"] = o.StreamName, ["output_type"] = "stream", ["text"] = Lines(o.Text ?? "") };
            case "error":
                return new JsonObject
                {
                    ["ename"] = o.EName ?? "Error",
                    ["evalue"] = o.EValue ?? "",
                    ["output_type"] = "error",
                    ["traceback"] = new JsonArray(o.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                };
            default:
                var data = new JsonObject();
                foreach (var (mime, content) in o.Data)
                    data[mime] = mime.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(content) : Lines(content);
                var json = new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["output_type"] = o.OutputType };
                if (o.OutputType == "execute_result") json["execution_count"] = count;
                return json;
        }
    }

    /// <summary>nbformat's multiline string: a list of lines, each keeping its '\n' except the last.</summary>
    private static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) { array.Add(text[start..]); break; }
            array.Add(text[start..(end + 1)]);
            start = end + 1;
        }
        return array;
    }
}
