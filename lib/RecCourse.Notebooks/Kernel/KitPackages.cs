using System.Reflection;

namespace RecCourse.Notebooks.Kernel;

/// <summary>
/// The assemblies every notebook script references automatically, and the NuGet package names
/// whose <c>#r "nuget:…"</c> directives they satisfy (the runner cannot download packages).
/// </summary>
public static class KitPackages
{
    /// <summary>Package id (case-insensitive) → the already-loaded assembly that stands in for it.</summary>
    public static IReadOnlyDictionary<string, Assembly> Packages { get; } =
        new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase)
        {
            ["RecCourse"] = typeof(RecCourse.Display.Check).Assembly,
            ["RecCourse.Notebooks"] = typeof(KitPackages).Assembly,
            ["MathNet.Numerics"] = typeof(MathNet.Numerics.Control).Assembly,
            ["System.Numerics.Tensors"] = typeof(System.Numerics.Tensors.TensorPrimitives).Assembly,
            ["CsvHelper"] = typeof(CsvHelper.CsvReader).Assembly,
            // The lessons' first cell names a TorchSharp backend package; the runner already has TorchSharp
            // and the native backend its application was built with (build/TorchSharp.targets).
            ["TorchSharp"] = typeof(TorchSharp.torch).Assembly,
            ["TorchSharp-cpu"] = typeof(TorchSharp.torch).Assembly,
            ["Markdig"] = typeof(Markdig.Markdown).Assembly,
        };

    /// <summary>Assemblies referenced by every notebook: the BCL pieces cells commonly use plus the kit's own.</summary>
    public static IReadOnlyList<Assembly> References { get; } =
    [
        typeof(object).Assembly,
        typeof(Enumerable).Assembly,
        typeof(List<>).Assembly,
        typeof(System.Collections.Concurrent.ConcurrentDictionary<,>).Assembly,
        typeof(Console).Assembly,
        typeof(Parallel).Assembly,
        typeof(System.Text.RegularExpressions.Regex).Assembly,
        typeof(System.Text.Json.JsonSerializer).Assembly,
        typeof(System.Diagnostics.Stopwatch).Assembly,
        typeof(System.Numerics.Vector<>).Assembly,
        typeof(System.ComponentModel.EditorBrowsableAttribute).Assembly,
        typeof(System.Runtime.GCSettings).Assembly,
        typeof(System.Net.Http.HttpClient).Assembly,
        typeof(System.Text.Json.Nodes.JsonNode).Assembly,
        Assembly.Load("System.Runtime"),
        Assembly.Load("netstandard"),
        .. Packages.Values.Distinct(),
    ];

    /// <summary>True when <paramref name="dllPath"/> names a kit assembly (e.g. a relative #r to the built RecCourse.dll).</summary>
    public static bool IsKitAssemblyPath(string dllPath)
    {
        var name = Path.GetFileNameWithoutExtension(dllPath.Replace('\\', '/'));
        return Packages.Values.Any(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
