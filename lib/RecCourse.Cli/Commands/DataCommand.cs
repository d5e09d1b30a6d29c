using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RecCourse.Data;
using Spectre.Console;

namespace RecCourse.Cli.Commands;

/// <summary>
/// <c>reccourse data info &lt;dir&gt; [--json]</c>, <c>reccourse data synth --out DIR [--seed N]</c>,
/// <c>reccourse data download [--dataset ml-100k|ml-latest-small] [--dir data]</c>.
/// The verbs' bodies are public methods writing to a <see cref="TextWriter"/> so tests can call them.
/// </summary>
public static class DataCommand
{
    public static Command Create()
    {
        var cmd = new Command("data", "Inspect, synthesise or download rating data.");
        cmd.Subcommands.Add(CreateInfo());
        cmd.Subcommands.Add(CreateSynth());
        cmd.Subcommands.Add(CreateDownload());
        return cmd;
    }

    private static Command CreateInfo()
    {
        var dir = new Argument<string>("dir") { Description = "Data folder (ml-100k, ml-latest-small, or written by 'data synth')" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object as the last line" };
        var cmd = new Command("info", "Detect a data folder's format and print its counts.") { dir, json };
        cmd.SetAction(pr => Info(pr.GetValue(dir)!, pr.GetValue(json), Console.Out, Console.Error));
        return cmd;
    }

    private static Command CreateSynth()
    {
        var output = new Option<string>("--out") { Description = "Folder to write (created when missing)", Required = true };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 42 };
        var cmd = new Command("synth", "Write the deterministic synthetic data set in the ml-100k file format.") { output, seed };
        cmd.SetAction(pr => Synth(pr.GetValue(output)!, pr.GetValue(seed), Console.Out, Console.Error));
        return cmd;
    }

    private static Command CreateDownload()
    {
        var dataset = new Option<string>("--dataset") { Description = "ml-100k or ml-latest-small", DefaultValueFactory = _ => "ml-100k" };
        var dir = new Option<string>("--dir") { Description = "Download cache folder", DefaultValueFactory = _ => "data" };
        var cmd = new Command("download", "Fetch a MovieLens zip into the data cache, verify its SHA-256 and unpack it.") { dataset, dir };
        cmd.SetAction(pr => Download(pr.GetValue(dataset)!, pr.GetValue(dir)!, null, Console.Out, Console.Error));
        return cmd;
    }

    /// <summary>The facts <c>data info</c> prints (and, with --json, serialises as its last line).</summary>
    public static Dictionary<string, object?> Summarise(RecDataset d, string dir)
    {
        var r = d.Ratings;
        float min = r.Count == 0 ? 0 : r.Values.Min(), max = r.Count == 0 ? 0 : r.Values.Max();
        var o = new Dictionary<string, object?>
        {
            ["format"] = d.Format, ["name"] = d.Name, ["path"] = Path.GetFullPath(dir),
            ["ratings"] = r.Count, ["users"] = d.NumUsers, ["items"] = d.NumItems,
            ["ratingMin"] = min, ["ratingMax"] = max, ["ratingMean"] = Math.Round(r.Mean(), 4),
            ["density"] = Math.Round(d.Density, 6),
            ["firstTimestamp"] = r.Count == 0 ? null : r.Timestamps.Min(), ["lastTimestamp"] = r.Count == 0 ? null : r.Timestamps.Max(),
            ["genres"] = d.GenreNames.Length, ["hasDemographics"] = d.Users is not null,
            ["contextDimensions"] = d.Context?.Dimensions ?? [],
        };
        if (SyntheticMarker.TryRead(dir) is { } marker) o["seed"] = marker.Options.Seed;
        return o;
    }

    public static int Info(string dir, bool json, TextWriter output, TextWriter error)
    {
        string? format = DataFolder.DetectFormat(dir);
        if (format is null)
        {
            error.WriteLine(Directory.Exists(dir)
                ? $"'{dir}' holds no known data layout (u.data + u.item, or ratings.csv + movies.csv). Run '{MovieLens100k.DownloadCommand}' or 'reccourse data synth --out DIR'."
                : $"Data folder '{dir}' does not exist. Run '{MovieLens100k.DownloadCommand}' or 'reccourse data synth --out {dir}'.");
            return 2;
        }
        RecDataset data;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try { data = DataFolder.Load(dir); }
        catch (Exception e) when (e is DataFormatException or IOException)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        var summary = Summarise(data, dir);
        summary["loadSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        var console = ConsoleFor(output);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("property").AddColumn("value");
        foreach (var (k, v) in summary)
            table.AddRow(Markup.Escape(k), Markup.Escape(v switch
            {
                string[] a => a.Length == 0 ? "-" : string.Join(", ", a),
                double x => x.ToString("G6", CultureInfo.InvariantCulture),
                null => "-",
                _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
            }));
        console.Write(table);
        if (json) output.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }

    public static int Synth(string outDir, int seed, TextWriter output, TextWriter error)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var data = SyntheticMovieLens.Generate(new SyntheticOptions { Seed = seed });
        double generated = started.Elapsed.TotalSeconds;
        try { MovieLensWriter.Write(data, outDir); }
        catch (IOException e)
        {
            error.WriteLine($"Could not write '{outDir}': {e.Message}");
            return 1;
        }
        output.WriteLine($"Wrote {data.Name}: {data.Ratings.Count} ratings, {data.NumUsers} users, {data.NumItems} items to {Path.GetFullPath(outDir)} " +
                         $"(generated in {generated:F2} s, written in {started.Elapsed.TotalSeconds - generated:F2} s).");
        foreach (var e in data.Truth!.ContextEffects) output.WriteLine($"  planted context effect: {e}");
        foreach (var g in data.Truth.GroupEffects) output.WriteLine($"  planted group effect: {g.Attribute}={g.Group} rates {g.Genre} {g.Delta:+0.00;-0.00}");
        return 0;
    }

    /// <param name="handler">HTTP handler for tests; null for the real network.</param>
    public static int Download(string dataset, string dataDir, HttpMessageHandler? handler, TextWriter output, TextWriter error)
    {
        DownloadableDataset ds;
        try { ds = DownloadableDataset.Get(dataset); }
        catch (ArgumentException e) { error.WriteLine(e.Message); return 2; }
        var downloader = new DataDownloader(handler);
        try
        {
            string folder;
            if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
            {
                folder = "";
                AnsiConsole.Progress().Start(ctx =>
                {
                    var task = ctx.AddTask($"{ds.Name} from {ds.Url.Host}", maxValue: 1.0);
                    folder = downloader.Download(ds, dataDir, new Progress<double>(f => task.Value = f));
                    task.Value = 1.0;
                });
            }
            else
            {
                output.WriteLine($"Downloading {ds.Url} into {Path.GetFullPath(dataDir)} …");
                folder = downloader.Download(ds, dataDir);
            }
            output.WriteLine($"{ds.Name} ready in {folder} (SHA-256 {(ds.Sha256 is null ? DataDownloader.Sha256Of(Path.Combine(dataDir, ds.Name + ".zip")) + ", not pinned" : "verified")}).");
            return 0;
        }
        catch (DataDownloadException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    private static IAnsiConsole ConsoleFor(TextWriter output) =>
        ReferenceEquals(output, Console.Out) ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
}
