using System.CommandLine;
using System.Diagnostics;
using RecCourse.Notebooks.Export;
using RecCourse.Notebooks.Grading;
using RecCourse.Notebooks.IO;
using RecCourse.Notebooks.Running;
using Spectre.Console;

namespace RecCourse.Cli.Commands;

/// <summary>
/// <c>reccourse run|assign|grade|export</c>: execute notebooks headless, make student copies, grade a
/// student's notebook against hidden tests, and export a notebook as a file-based app or HTML.
/// </summary>
public static class NotebookCommands
{
    /// <summary>Exit code when every notebook ran (or graded) cleanly.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the command could not do its work (bad arguments, unreadable files).</summary>
    public const int CannotRun = 1;

    /// <summary>Exit code of <c>run</c> when a cell failed or a notebook could not be read (as dotnet-repl).</summary>
    public const int CellsFailed = 2;

    private static Option<double> TimeoutOption() =>
        new("--timeout") { Description = "Per-cell timeout in seconds", DefaultValueFactory = _ => 120 };

    /// <summary><c>reccourse run [paths…] [--out DIR] [--timeout S] [--in-place] [--html]</c>.</summary>
    public static Command CreateRun()
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebooks (.ipynb/.dib) or folders of notebooks; default: notebooks", Arity = ArgumentArity.ZeroOrMore };
        var outDir = new Option<string?>("--out") { Description = "Folder for executed notebooks (default: artifacts/notebooks under the repository)" };
        var timeout = TimeoutOption();
        var inPlace = new Option<bool>("--in-place") { Description = "Overwrite the source notebooks with the executed ones" };
        var html = new Option<bool>("--html") { Description = "Also write an HTML page next to each executed notebook" };
        var cmd = new Command("run", "Run notebooks headless; exit 0 when every cell succeeded, 2 otherwise.") { paths, outDir, timeout, inPlace, html };
        cmd.SetAction(pr => Run(pr.GetValue(paths) ?? [], pr.GetValue(outDir), pr.GetValue(timeout), pr.GetValue(inPlace), pr.GetValue(html)));
        return cmd;
    }

    /// <summary><c>reccourse assign &lt;paths…&gt; --out DIR [--autograding FILE]</c>.</summary>
    public static Command CreateAssign()
    {
        var paths = new Argument<string[]>("paths") { Description = "Source notebooks or folders", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Folder for the student copies", Required = true };
        var autograding = new Option<string?>("--autograding") { Description = "Also write a GitHub Classroom autograding.json grading each exercise" };
        var cmd = new Command("assign", "Write student copies: solutions replaced by NotImplementedException stubs, outputs cleared, hidden tests left out.")
            { paths, outDir, autograding };
        cmd.SetAction(pr => Assign(pr.GetValue(paths)!, pr.GetValue(outDir)!, pr.GetValue(autograding)));
        return cmd;
    }

    /// <summary><c>reccourse grade &lt;notebook|dir&gt; [--tests DIR] [--json] [--timeout S]</c>.</summary>
    public static Command CreateGrade()
    {
        var path = new Argument<string>("path") { Description = "A student's notebook, or a folder of them" };
        var tests = new Option<string?>("--tests") { Description = "Folder holding <name>.tests.csx (default: next to the notebook, then notebooks/)" };
        var json = new Option<bool>("--json") { Description = "Print {\"total\",\"max\",\"exercises\":[…]} as the last line" };
        var timeout = TimeoutOption();
        var cmd = new Command("grade", "Run a student's notebook with its hidden tests and print the score; exit 0 whenever grading ran.")
            { path, tests, json, timeout };
        cmd.SetAction(pr => Grade(pr.GetValue(path)!, pr.GetValue(tests), pr.GetValue(json), pr.GetValue(timeout)));
        return cmd;
    }

    /// <summary><c>reccourse export &lt;notebook&gt; --to cs|html [--out FILE]</c>.</summary>
    public static Command CreateExport()
    {
        var path = new Argument<string>("notebook") { Description = "The notebook to export" };
        var to = new Option<string>("--to") { Description = "cs (a .NET 10 file-based app) or html (a page of the notebook as it is)", DefaultValueFactory = _ => "cs" };
        to.AcceptOnlyFromAmong("cs", "html");
        var outFile = new Option<string?>("--out") { Description = "Output file (default: artifacts/export/<name>.cs|.html)" };
        var cmd = new Command("export", "Export a notebook as a file-based app (dotnet run lesson.cs) or as HTML.") { path, to, outFile };
        cmd.SetAction(pr => Export(pr.GetValue(path)!, pr.GetValue(to)!, pr.GetValue(outFile)));
        return cmd;
    }

    private static int Run(string[] inputs, string? outDir, double timeoutSeconds, bool inPlace, bool html)
    {
        if (timeoutSeconds <= 0) return Fail("--timeout must be positive");
        if (inputs.Length == 0) inputs = [Path.Combine(RepoRoot() ?? ".", "notebooks")];
        var outFolder = Path.GetFullPath(outDir ?? Path.Combine(RepoRoot() ?? ".", "artifacts", "notebooks"));
        List<string> files;
        try { files = ExpandNotebooks(inputs, outFolder); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return Fail(e.Message); }
        if (files.Count == 0) return Fail($"no notebooks found in {string.Join(", ", inputs)}");

        var live = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var rows = new List<(string Name, int Cells, int Failed, TimeSpan Time, string Output)>();
        var clock = Stopwatch.StartNew();
        var anyFailure = false;

        void RunOne(string file, int index, Action<int, int>? cellStarting)
        {
            var name = Path.GetFileName(file);
            try
            {
                var target = inPlace ? file : Path.Combine(outFolder, Path.GetFileNameWithoutExtension(file) + ".ipynb");
                if (!inPlace && Path.GetFullPath(target) == Path.GetFullPath(file))
                    throw new IOException($"{file}: the executed copy would overwrite the source; pass --in-place or another --out");
                var notebook = NotebookReader.Read(file);
                if (!live) Console.WriteLine($"[{index}/{files.Count}] {name}: running {notebook.Cells.Count(c => c.Kind == Notebooks.Model.CellKind.Code)} code cells");
                var result = NotebookRunner.Run(notebook, new RunOptions
                {
                    CellTimeout = TimeSpan.FromSeconds(timeoutSeconds),
                    CellStarting = cellStarting,
                    CellFinished = info =>
                    {
                        if (info.Succeeded) return;
                        var line = $"  {name} cell {info.Number} failed: {FirstLine(info.Error)}";
                        if (live) AnsiConsole.MarkupLine("[red]" + Markup.Escape(line) + "[/]");
                        else Console.WriteLine(line);
                    },
                });
                NotebookWriter.Write(result.Executed, target);
                if (html) File.WriteAllText(Path.ChangeExtension(target, ".html"), HtmlExporter.Export(result.Executed));
                rows.Add((name, result.Cells.Count, result.FailedCount, result.Duration, target));
                anyFailure |= !result.Succeeded;
                if (!live) Console.WriteLine($"[{index}/{files.Count}] {name}: {(result.Succeeded ? "ok" : $"{result.FailedCount} failed")} in {result.Duration.TotalSeconds:0.0} s");
            }
            catch (Exception e) when (e is NotebookFormatException or FileNotFoundException or IOException)
            {
                anyFailure = true;
                rows.Add((name, 0, 1, TimeSpan.Zero, "not run: " + e.Message));
                Console.Error.WriteLine(e.Message);
            }
        }

        if (live)
        {
            AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    for (var i = 0; i < files.Count; i++)
                    {
                        var task = ctx.AddTask(Markup.Escape(Path.GetFileName(files[i])), maxValue: 1);
                        RunOne(files[i], i + 1, (cell, total) =>
                        {
                            task.MaxValue = total;
                            task.Value = cell - 1;
                            task.Description = Markup.Escape($"{Path.GetFileName(files[i])} · cell {cell}/{total}");
                        });
                        task.Value = task.MaxValue;
                        task.Description = Markup.Escape(Path.GetFileName(files[i]));
                    }
                });
        }
        else
        {
            for (var i = 0; i < files.Count; i++) RunOne(files[i], i + 1, null);
        }

        var table = new Table().AddColumns("notebook", "cells", "failed", "time (s)", "output");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Name), r.Cells.ToString(), r.Failed == 0 ? "0" : $"[red]{r.Failed}[/]", $"{r.Time.TotalSeconds:0.0}", Markup.Escape(r.Output));
        table.AddRow("[bold]total[/]", rows.Sum(r => r.Cells).ToString(), rows.Sum(r => r.Failed).ToString(), $"{clock.Elapsed.TotalSeconds:0.0}", "");
        AnsiConsole.Write(table);
        return anyFailure ? CellsFailed : Ok;
    }

    private static int Assign(string[] inputs, string outDir, string? autograding)
    {
        try
        {
            var outFolder = Path.GetFullPath(outDir);
            var files = ExpandNotebooks(inputs, outFolder);
            if (files.Count == 0) return Fail($"no notebooks found in {string.Join(", ", inputs)}");
            var written = Assigner.Assign(files, outFolder);
            var table = new Table().AddColumns("source", "student copy", "exercises", "points", "hidden tests");
            foreach (var (source, copy, exercises) in written)
            {
                var tests = HiddenTests.PathFor(source);
                table.AddRow(Markup.Escape(source), Markup.Escape(copy), exercises.Count.ToString(), exercises.Sum(e => e.Points).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    File.Exists(tests) ? Markup.Escape(Path.GetFileName(tests)) : exercises.Count > 0 ? "[yellow]missing[/]" : "-");
            }
            AnsiConsole.Write(table);
            if (autograding is not null)
            {
                var root = RepoRoot() ?? Directory.GetCurrentDirectory();
                string Rel(string p) => Path.GetRelativePath(root, Path.GetFullPath(p)).Replace('\\', '/');
                var config = AutogradingConfig.Build(written.Where(w => w.Exercises.Count > 0)
                    .Select(w => (Rel(w.Written), Rel(Path.GetDirectoryName(Path.GetFullPath(w.Source))!), w.Exercises)));
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(autograding))!);
                File.WriteAllText(autograding, config);
                Console.WriteLine($"wrote {autograding}");
            }
            return Ok;
        }
        catch (Exception e) when (e is NotebookFormatException or InvalidOperationException or IOException)
        {
            return Fail(e.Message);
        }
    }

    private static int Grade(string path, string? testsDir, bool json, double timeoutSeconds)
    {
        if (timeoutSeconds <= 0) return Fail("--timeout must be positive");
        List<string> files;
        try { files = ExpandNotebooks([path], null); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return Fail(e.Message); }
        if (files.Count == 0) return Fail($"no notebooks found in {path}");

        var reports = new List<GradeReport>();
        foreach (var file in files)
        {
            var tests = FindTests(file, testsDir);
            if (tests is null)
            {
                if (files.Count == 1) return Fail($"{file}: no hidden tests ({Path.GetFileNameWithoutExtension(file)}{HiddenTests.FileSuffix}) next to it, in --tests or in notebooks/");
                continue; // in a folder, notebooks without exercises are skipped
            }
            try
            {
                if (!json) Console.WriteLine($"grading {file} with {tests}");
                reports.Add(Grader.Grade(file, tests, new RunOptions { CellTimeout = TimeSpan.FromSeconds(timeoutSeconds) }));
            }
            catch (Exception e) when (e is NotebookFormatException or FileNotFoundException or InvalidOperationException)
            {
                return Fail(e.Message);
            }
        }
        if (reports.Count == 0) return Fail($"no notebook in {path} has hidden tests");

        var table = new Table().AddColumns("notebook", "exercise", "points", "max", "status", "message");
        foreach (var report in reports)
        {
            foreach (var e in report.Exercises)
            {
                var colour = e.Status == "passed" ? "green" : "red";
                table.AddRow(Markup.Escape(Path.GetFileName(report.Notebook)), Markup.Escape($"{e.Id} {e.Title}"), Num(e.Points), Num(e.Max),
                    $"[{colour}]{e.Status}[/]", Markup.Escape(e.Message));
            }
        }
        table.AddRow("[bold]total[/]", "", Num(reports.Sum(r => r.Total)), Num(reports.Sum(r => r.Max)), "", "");
        AnsiConsole.Write(table);
        foreach (var report in reports.Where(r => r.FailedCells.Count > 0))
        {
            Console.WriteLine($"{Path.GetFileName(report.Notebook)}: failing cells (not graded themselves): "
                + string.Join("; ", report.FailedCells.Select(c => FirstLine(c.Message))));
        }
        if (json) Console.WriteLine(GradeReport.ToJson(reports));
        return Ok;
    }

    private static int Export(string path, string to, string? outFile)
    {
        try
        {
            var notebook = NotebookReader.Read(path);
            var name = Path.GetFileNameWithoutExtension(path);
            var target = Path.GetFullPath(outFile ?? Path.Combine(RepoRoot() ?? ".", "artifacts", "export", name + "." + to));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (to == "html")
            {
                File.WriteAllText(target, HtmlExporter.Export(notebook));
            }
            else
            {
                var project = FindLibraryProject(notebook.BaseDirectory)
                    ?? throw new FileNotFoundException("lib/RecCourse/RecCourse.csproj not found above the notebook or the current folder");
                File.WriteAllText(target, CsExporter.Export(notebook, Path.GetRelativePath(Path.GetDirectoryName(target)!, project)));
            }
            Console.WriteLine($"wrote {target}" + (to == "cs" ? $" (run: dotnet run {Path.GetRelativePath(Directory.GetCurrentDirectory(), target)})" : ""));
            return Ok;
        }
        catch (Exception e) when (e is NotebookFormatException or FileNotFoundException or IOException)
        {
            return Fail(e.Message);
        }
    }

    /// <summary>Files as given; folders → their *.ipynb and *.dib in name order, skipping the output folder.</summary>
    private static List<string> ExpandNotebooks(IEnumerable<string> inputs, string? outFolder)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input)) { files.Add(input); continue; }
            if (!Directory.Exists(input)) throw new FileNotFoundException($"{input}: no such notebook or folder", input);
            if (outFolder is not null && Path.GetFullPath(input).TrimEnd('/') == outFolder.TrimEnd('/')) continue;
            files.AddRange(Directory.GetFiles(input)
                .Where(f => f.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal));
        }
        return files;
    }

    private static string? FindTests(string notebook, string? testsDir)
    {
        var candidates = new List<string>();
        if (testsDir is not null) candidates.Add(HiddenTests.PathFor(notebook, testsDir));
        candidates.Add(HiddenTests.PathFor(notebook));
        if (RepoRoot() is { } root) candidates.Add(HiddenTests.PathFor(notebook, Path.Combine(root, "notebooks")));
        return testsDir is not null ? candidates.Take(1).FirstOrDefault(File.Exists) : candidates.FirstOrDefault(File.Exists);
    }

    private static string? FindLibraryProject(string start)
    {
        foreach (var from in new[] { start, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "lib", "RecCourse", "RecCourse.csproj");
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    private static string? RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RecCourse.sln"))) return dir.FullName;
        }
        return null;
    }

    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0];

    private static string Num(double x) => x.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return CannotRun;
    }
}
