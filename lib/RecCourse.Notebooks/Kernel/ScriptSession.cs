using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RecCourse.Notebooks.Model;

namespace RecCourse.Notebooks.Kernel;

/// <summary>
/// One C# script state shared by consecutive cells, like a .NET Interactive C# kernel: each cell is
/// compiled as a continuation of the previous successful one, so it sees earlier variables and types.
/// A cell that fails to compile or times out leaves the state as it was; a cell that throws keeps
/// what it did before the exception (as .NET Interactive did).
/// </summary>
/// <remarks>
/// Each cell runs on its own background thread. At the timeout the cell's loops are cancelled
/// (see <see cref="CellCancellation"/>); if the thread still does not return (a loop in library code,
/// a blocking call) it is abandoned and keeps running in the background until the process exits.
/// </remarks>
public sealed partial class ScriptSession
{
    /// <summary>Namespaces imported in every cell (those of the .NET Interactive C# kernel, plus <c>x.Display()</c>).</summary>
    public static readonly ImmutableArray<string> DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
         "RecCourse.Notebooks.Kernel"];

    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(2);

    // Deep enough for any sensible recursion, small enough that unwinding an endless recursion (stopped
    // by CellCancellation.EnterMethod) takes well under a second.
    private const int StackBytes = 4 * 1024 * 1024;
    private readonly ScriptOptions _options;
    private readonly CSharpParseOptions _parseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private readonly ScriptGlobals _globals = new();
    private ScriptState<object>? _state;

    /// <summary>A session resolving #r and #load against <paramref name="baseDirectory"/>.</summary>
    public ScriptSession(string baseDirectory, TimeSpan cellTimeout)
    {
        ConsoleRouter.Install();
        BaseDirectory = Path.GetFullPath(baseDirectory);
        CellTimeout = cellTimeout;
        _options = ScriptOptions.Default
            .WithReferences(KitPackages.References)
            .WithImports(DefaultImports)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithAllowUnsafe(true)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, BaseDirectory))
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(BaseDirectory))
            .WithFilePath(Path.Combine(BaseDirectory, "notebook.csx"));
    }

    /// <summary>Folder that relative #r and #load paths start from.</summary>
    public string BaseDirectory { get; }

    /// <summary>Longest wall time a cell may run (compilation is not counted).</summary>
    public TimeSpan CellTimeout { get; set; }

    /// <summary>
    /// Compiles and runs one cell. <paramref name="label"/> (e.g. "cell 3") prefixes error messages.
    /// Never throws for errors in the cell: they come back as an error output.
    /// </summary>
    public CellExecution Execute(string source, string label)
    {
        var clock = Stopwatch.StartNew();
        var collector = new OutputCollector();
        var prepared = Prepare(source, label);
        if (prepared.Error is { } directiveError)
        {
            collector.Add(CellOutput.Error(directiveError, [directiveError]));
            return Finish(collector, directiveError, false, clock);
        }

        var code = LoopGuardRewriter.Rewrite(prepared.Code, _parseOptions);
        var script = _state is null
            ? CSharpScript.Create<object>(code, _options, typeof(ScriptGlobals))
            : _state.Script.ContinueWith<object>(code, _options);
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var lines = errors.Select(d => FormatDiagnostic(d, label)).ToList();
            collector.Add(CellOutput.Error(lines[0], lines));
            return Finish(collector, lines[0], false, clock);
        }

        // Emit and load the submission now, so a cold compiler's first emit does not count against the timeout.
        script.CreateDelegate();

        using var cts = new CancellationTokenSource();
        ScriptState<object>? newState = null;
        Exception? hostFailure = null;
        var previous = _state;
        var runClock = new Stopwatch();
        var thread = new Thread(() =>
        {
            OutputCollector.Current = collector;
            CellCancellation.Set(cts.Token);
            runClock.Start();
            try
            {
                var run = previous is null
                    ? script.RunAsync(_globals, _ => true, CancellationToken.None)
                    : script.RunFromAsync(previous, _ => true, CancellationToken.None);
                newState = run.GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                hostFailure = e;
            }
            runClock.Stop();
        }, maxStackSize: StackBytes) { IsBackground = true, Name = $"notebook {label}" };
        thread.Start();

        if (!thread.Join(CellTimeout))
        {
            cts.Cancel();
            var stopped = thread.Join(GracePeriod);
            var message = $"{label}: timed out after {CellTimeout.TotalSeconds:0.#} s"
                + (stopped ? " (stopped)" : " (abandoned: its thread keeps running in the background)")
                + "; later cells run with the state from before this cell";
            collector.Add(CellOutput.Error(message, [message]));
            return Finish(collector, message, true, clock);
        }

        if (hostFailure is not null)
        {
            var message = $"{label}: {Describe(hostFailure)}";
            collector.Add(CellOutput.Error(message, Traceback(hostFailure)));
            return Finish(collector, message, false, clock);
        }

        _state = newState;
        if (newState!.Exception is { } thrown)
        {
            var ex = Unwrap(thrown);
            var message = Describe(ex);
            collector.Add(CellOutput.Error(message, Traceback(ex)));
            return Finish(collector, $"{label}: {message}", false, clock);
        }
        if (newState.ReturnValue is { } value && HasTrailingExpression(code))
            collector.Add(CellOutput.Result(Formatting.DisplayFormatter.ToMimeBundle(value)));
        if (prepared.Timed)
            collector.Add(CellOutput.Display(new Dictionary<string, string> { ["text/plain"] = $"Wall time: {runClock.Elapsed.TotalMilliseconds:0.###}ms" }));
        return Finish(collector, null, false, clock);
    }

    private static CellExecution Finish(OutputCollector collector, string? error, bool timedOut, Stopwatch clock) =>
        new() { Outputs = collector.Snapshot(), Error = error, TimedOut = timedOut, Duration = clock.Elapsed };

    private bool HasTrailingExpression(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, _parseOptions).GetRoot() as Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax;
        return root?.Members.LastOrDefault() is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax
        {
            Statement: Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { SemicolonToken.IsMissing: true },
        };
    }

    private static string FormatDiagnostic(Diagnostic d, string label)
    {
        var span = d.Location.GetLineSpan();
        var where = d.Location.IsInSource && span.Path.EndsWith("notebook.csx", StringComparison.Ordinal)
            ? "" : d.Location.IsInSource ? $"{Path.GetFileName(span.Path)} " : "";
        var pos = d.Location.IsInSource ? $"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : "";
        return $"{label} {where}{pos}: error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && e.InnerException is not null)
            e = e.InnerException!;
        return e;
    }

    private static string Describe(Exception e) => $"{e.GetType().FullName}: {e.Message}";

    private static List<string> Traceback(Exception e) =>
        [.. e.ToString().Replace("\r\n", "\n").Split('\n').Where(l => !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal))];

    /// <summary>A cell's source after magics and package directives are handled.</summary>
    private readonly record struct Prepared(string Code, bool Timed, string? Error);

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*([^,"\s]+)\s*(?:,\s*([^"]*))?"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex NugetDirective();

    [GeneratedRegex("""^\s*#r\s+"([^"]+)"\s*$""")]
    private static partial Regex PathDirective();

    private static Prepared Prepare(string source, string label)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var timed = false;
        var output = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            // Every directive becomes an empty line so compiler line numbers still match the cell.
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = trimmed[2..].Split(' ', 2)[0];
                if (magic is "time") timed = true;
                else if (magic is not ("csharp" or "c#" or "C#"))
                    return new Prepared("", false, $"{label} ({i + 1},1): the magic command '#!{magic}' is not supported by the RecCourse runner (supported: #!csharp, #!markdown, #!time)");
                output.Append('\n');
                continue;
            }
            if (NugetDirective().Match(line) is { Success: true } nuget)
            {
                var package = nuget.Groups[1].Value;
                if (!KitPackages.Packages.ContainsKey(package))
                    return new Prepared("", false,
                        $"{label} ({i + 1},1): #r \"nuget:{package}\" cannot be restored: the RecCourse runner only provides "
                        + string.Join(", ", KitPackages.Packages.Keys) + " (already referenced); it does not download packages");
                output.Append('\n');
                continue;
            }
            if (PathDirective().Match(line) is { Success: true } path && path.Groups[1].Value.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                && KitPackages.IsKitAssemblyPath(path.Groups[1].Value))
            {
                // The runner already references its own copy; loading a second one would split type identity.
                output.Append('\n');
                continue;
            }
            output.Append(line).Append('\n');
        }
        return new Prepared(output.ToString(), timed, null);
    }
}
