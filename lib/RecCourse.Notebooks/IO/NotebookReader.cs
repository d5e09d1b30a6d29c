using System.Text.Json;
using System.Text.Json.Nodes;
using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.IO;

/// <summary>
/// Reads Polyglot notebooks: Jupyter <c>.ipynb</c> (nbformat 4) with a .NET kernel, and the plain-text
/// <c>.dib</c> format (<c>#!csharp</c> / <c>#!markdown</c> sections).
/// </summary>
public static class NotebookReader
{
    /// <summary>Reads a notebook by extension (.ipynb or .dib).</summary>
    /// <exception cref="NotebookFormatException">Empty, malformed, or not a C# notebook; the message names the file.</exception>
    public static Notebook Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: notebook not found", path);
        var text = File.ReadAllText(path);
        return Path.GetExtension(path).Equals(".dib", StringComparison.OrdinalIgnoreCase)
            ? ParseDib(text, path)
            : ParseIpynb(text, path);
    }

    /// <summary>Parses .ipynb JSON text; <paramref name="path"/> is used for messages and #r/#load resolution.</summary>
    public static Notebook ParseIpynb(string json, string path)
    {
        if (string.IsNullOrWhiteSpace(json)) throw new NotebookFormatException($"{path}: the file is empty, not a notebook");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(
                $"{path}: invalid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {e.Message}", e);
        }
        if (root is not JsonObject obj) throw new NotebookFormatException($"{path}: the top level is not a JSON object");
        if (obj["nbformat"] is JsonValue v && v.TryGetValue<int>(out var major) && major != 4)
            throw new NotebookFormatException($"{path}: nbformat {major} is not supported (expected 4)");

        var metadata = obj["metadata"] as JsonObject ?? [];
        var kernel = (metadata["kernelspec"] as JsonObject)?["name"]?.GetValue<string>();
        if (kernel is not null && !kernel.StartsWith(".net-", StringComparison.Ordinal))
            throw new NotebookFormatException(
                $"{path}: kernel '{kernel}' is not a .NET Interactive kernel (expected '.net-csharp'); only C# Polyglot notebooks can run here");
        var defaultLanguage = (metadata["polyglot_notebook"] as JsonObject)?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>()
            ?? (kernel == ".net-fsharp" ? "fsharp" : kernel == ".net-pwsh" ? "pwsh" : "csharp");

        if (obj["cells"] is not JsonArray cells) throw new NotebookFormatException($"{path}: no \"cells\" array");
        var notebook = new Notebook { Path = path };
        foreach (var (name, value) in metadata)
        {
            if (name is not ("kernelspec" or "language_info" or "polyglot_notebook"))
                notebook.ExtraMetadata[name] = value?.DeepClone();
        }
        var index = 0;
        foreach (var node in cells)
        {
            index++;
            if (node is not JsonObject c) throw new NotebookFormatException($"{path}: cell {index} is not a JSON object");
            notebook.Cells.Add(ParseCell(c, index, defaultLanguage, path));
        }
        return notebook;
    }

    private static NotebookCell ParseCell(JsonObject c, int index, string defaultLanguage, string path)
    {
        var type = c["cell_type"]?.GetValue<string>()
            ?? throw new NotebookFormatException($"{path}: cell {index} has no cell_type");
        var source = JoinText(c["source"]);
        var meta = c["metadata"] as JsonObject ?? [];
        var language = (meta["polyglot_notebook"] as JsonObject)?["kernelName"]?.GetValue<string>()
            ?? (meta["dotnet_interactive"] as JsonObject)?["language"]?.GetValue<string>()
            ?? defaultLanguage;
        var keptMeta = new JsonObject();
        foreach (var (name, value) in meta)
        {
            if (name is not ("polyglot_notebook" or "dotnet_interactive")) keptMeta[name] = value?.DeepClone();
        }

        var kind = type switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException($"{path}: cell {index} has unknown cell_type '{type}'"),
        };
        if (kind == CellKind.Markdown) language = "markdown";
        var cell = new NotebookCell
        {
            Kind = kind, Language = language, Source = source, Metadata = keptMeta,
            ExecutionCount = c["execution_count"] is JsonValue ec && ec.TryGetValue<int>(out var n) ? n : null,
        };
        if (c["id"]?.GetValue<string>() is { Length: > 0 } id) cell.Id = id;
        if (c["outputs"] is JsonArray outputs)
        {
            foreach (var o in outputs.OfType<JsonObject>()) cell.Outputs.Add(ParseOutput(o));
        }
        return cell;
    }

    private static CellOutput ParseOutput(JsonObject o)
    {
        var type = o["output_type"]?.GetValue<string>() ?? "display_data";
        switch (type)
        {
            case "stream":
                return CellOutput.Stream(o["name"]?.GetValue<string>() ?? "stdout", JoinText(o["text"]));
            case "error":
                return CellOutput.Error(o["evalue"]?.GetValue<string>() ?? "",
                    (o["traceback"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToList() ?? []);
            default:
                var data = new Dictionary<string, string>();
                if (o["data"] is JsonObject d)
                {
                    foreach (var (mime, value) in d)
                        data[mime] = value is JsonValue or JsonArray && mime.StartsWith("text/", StringComparison.Ordinal)
                            ? JoinText(value) : value?.ToJsonString() ?? "";
                }
                return type == "execute_result" ? CellOutput.Result(data) : CellOutput.Display(data);
        }
    }

    /// <summary>nbformat multiline strings are either one string or an array of line strings.</summary>
    private static string JoinText(JsonNode? node)
    {
        var text = node switch
        {
            null => "",
            JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
            _ => node.GetValue<string>(),
        };
        return text.Replace("\r\n", "\n");
    }

    /// <summary>Parses .dib text: sections introduced by <c>#!csharp</c>, <c>#!markdown</c>, <c>#!meta</c>, ….</summary>
    public static Notebook ParseDib(string text, string path)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new NotebookFormatException($"{path}: the file is empty, not a notebook");
        var notebook = new Notebook { Path = path };
        var lines = text.Replace("\r\n", "\n").Split('\n');
        string? language = null;
        var body = new List<string>();

        void Flush()
        {
            if (language is null || language == "meta") { body.Clear(); return; }
            while (body.Count > 0 && body[^1].Trim().Length == 0) body.RemoveAt(body.Count - 1);
            while (body.Count > 0 && body[0].Trim().Length == 0) body.RemoveAt(0);
            var kind = language == "markdown" ? CellKind.Markdown : CellKind.Code;
            notebook.Cells.Add(new NotebookCell { Kind = kind, Language = language, Source = string.Join("\n", body) });
            body.Clear();
        }

        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) && IsKernelSelector(trimmed[2..]))
            {
                Flush();
                language = trimmed[2..] switch { "c#" or "C#" => "csharp", var l => l };
                continue;
            }
            if (language is null)
            {
                if (trimmed.Length == 0) continue;
                language = "csharp"; // text before any selector belongs to the default kernel
            }
            body.Add(line);
        }
        Flush();
        return notebook;
    }

    private static bool IsKernelSelector(string name) =>
        name is "csharp" or "c#" or "C#" or "markdown" or "meta" or "fsharp" or "f#" or "pwsh" or "powershell"
            or "javascript" or "html" or "sql" or "kql" or "mermaid" or "value";
}
