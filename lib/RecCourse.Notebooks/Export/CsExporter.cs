using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RecCourse.Notebooks.Kernel;
using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.Export;

/// <summary>
/// Converts a notebook into a .NET 10 file-based app (<c>dotnet run lesson.cs</c>) that prints what the
/// notebook prints: markdown becomes comments; <c>using</c> directives move to the top and type
/// declarations to the end (C# requires both around top-level statements); a cell's trailing expression
/// and <c>display(x)</c> / <c>x.Display()</c> print the value's text; kit references become one
/// <c>#:project</c> directive, other NuGet references <c>#:package</c>.
/// </summary>
/// <remarks>Script-only habits do not survive: re-declaring a variable in a later cell is a compile error in a program.</remarks>
public static partial class CsExporter
{
    [GeneratedRegex("""^\s*#r\s+"nuget:\s*([^,"\s]+)\s*(?:,\s*([^"]*))?"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex NugetDirective();

    [GeneratedRegex("""^\s*#(r|load)\s+"([^"]+)"\s*$""")]
    private static partial Regex PathDirective();

    /// <summary>
    /// The program text. <paramref name="projectPath"/> is the RecCourse.csproj path as the
    /// <c>#:project</c> directive should spell it (relative to the output file).
    /// </summary>
    public static string Export(Notebook notebook, string projectPath)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script);
        var directives = new List<string> { $"#:project {projectPath.Replace('\\', '/')}", "#:property Nullable=disable", "#:property TreatWarningsAsErrors=false", "#:property PublishAot=false" };
        var usings = new List<string> { "using System.Text;", "using System.Collections;" };
        var statements = new StringBuilder();
        var types = new StringBuilder();
        var number = 0;
        foreach (var cell in notebook.Cells)
        {
            number++;
            if (cell.Kind != CellKind.Code || Running.NotebookRunner.IsMarkdownMagic(cell.Source))
            {
                statements.Append('\n');
                foreach (var line in cell.Source.Split('\n')) statements.Append("// ").Append(line).Append('\n');
                continue;
            }
            statements.Append($"\n// ── cell {number} ──\n");
            var code = new StringBuilder();
            foreach (var line in cell.Source.Split('\n'))
            {
                if (line.TrimStart().StartsWith("#!", StringComparison.Ordinal)) continue;
                if (NugetDirective().Match(line) is { Success: true } nuget)
                {
                    if (!KitPackages.Packages.ContainsKey(nuget.Groups[1].Value))
                        directives.Add($"#:package {nuget.Groups[1].Value}" + (nuget.Groups[2].Success && nuget.Groups[2].Value.Length > 0 ? "@" + nuget.Groups[2].Value.Trim() : ""));
                    continue;
                }
                if (PathDirective().Match(line) is { Success: true } path)
                {
                    if (!KitPackages.IsKitAssemblyPath(path.Groups[2].Value))
                        code.Append($"// (not exported: {line.Trim()})\n");
                    continue;
                }
                code.Append(line).Append('\n');
            }
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code.ToString(), parse).GetRoot();
            foreach (var u in root.Usings)
            {
                var text = u.WithoutTrivia().ToFullString();
                if (!usings.Contains(text)) usings.Add(text);
            }
            var members = root.Members;
            for (var m = 0; m < members.Count; m++)
            {
                var member = members[m];
                if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                {
                    types.Append(member.ToFullString().Trim()).Append("\n\n");
                }
                else if (m == members.Count - 1 && member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } expr })
                {
                    statements.Append(expr.GetLeadingTrivia().ToFullString()).Append("NotebookOutput.display(").Append(expr.Expression.WithoutTrivia().ToFullString()).Append(");\n");
                }
                else
                {
                    statements.Append(member.ToFullString().TrimEnd('\n', ' ')).Append('\n');
                }
            }
        }
        var program = new StringBuilder();
        program.Append("#!/usr/bin/env dotnet\n");
        foreach (var d in directives) program.Append(d).Append('\n');
        program.Append($"// Exported from {Path.GetFileName(notebook.Path)} by `reccourse export`; run with `dotnet run {Path.GetFileNameWithoutExtension(notebook.Path)}.cs`.\n");
        foreach (var u in usings) program.Append(u).Append('\n');
        program.Append("using static NotebookOutput;\n");
        program.Append(statements).Append('\n');
        if (types.Length > 0) program.Append("// ── types declared in the notebook ──\n").Append(types);
        program.Append(OutputHelper);
        return program.ToString();
    }

    // Emitted into every exported file so the app needs only the RecCourse library.
    private const string OutputHelper = """
        // ── display(x) / x.Display() of the notebook, printing text ──
        static class NotebookOutput
        {
            public static void display(object value)
            {
                if (value is IEnumerable sequence && value is not string)
                {
                    int shown = 0, total = 0;
                    foreach (var item in sequence)
                    {
                        if (shown < 20) { Console.WriteLine(Text(item)); shown++; }
                        total++;
                    }
                    if (total > shown) Console.WriteLine($"… {total - shown} more rows");
                    return;
                }
                Console.WriteLine(Text(value));
            }

            public static void Display(this object value) => display(value);

            static string Text(object value) => value switch
            {
                null => "<null>",
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }

        """;
}
