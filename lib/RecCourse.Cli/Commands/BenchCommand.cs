using System.CommandLine;
using System.Text.Json;
using RecCourse.Cli.Bench;

namespace RecCourse.Cli.Commands;

/// <summary><c>reccourse bench &lt;task&gt; --data DIR [--epochs N] [--threads T] [--seed S] [--json]</c>.</summary>
public static class BenchCommand
{
    public static IReadOnlyDictionary<string, IBenchTask> Tasks { get; } = typeof(IBenchTask).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchTask).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IBenchTask)Activator.CreateInstance(t)!)
        .ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    public static Command Create()
    {
        var task = new Argument<string>("task") { Description = "Benchmark: " + string.Join(", ", Tasks.Keys.Order()) };
        var data = new Option<string>("--data") { Description = "MovieLens 100k folder", Required = true };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (or iterations) instead of the task's default" };
        var threads = new Option<int>("--threads") { Description = "Worker threads", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object as the last line" };
        var cmd = new Command("bench", "Train a reference model on MovieLens 100k and report speed and quality (tests/benchmarks/compare_with_torch.py compares it with a PyTorch reference).")
            { task, data, epochs, threads, seed, json };
        cmd.SetAction(pr =>
        {
            string name = pr.GetValue(task)!;
            if (!Tasks.TryGetValue(name, out var t))
            {
                Console.Error.WriteLine($"Unknown benchmark '{name}'. Known: {string.Join(", ", Tasks.Keys.Order())}.");
                return 2;
            }
            string dir = pr.GetValue(data)!;
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"Data folder '{dir}' does not exist. Run 'reccourse data download' or pass the ml-100k folder.");
                return 2;
            }
            var result = t.Run(new BenchOptions(dir, pr.GetValue(epochs), Math.Max(1, pr.GetValue(threads)), pr.GetValue(seed)), Console.WriteLine);
            if (pr.GetValue(json)) Console.WriteLine(ToJson(result));
            else
            {
                Console.WriteLine($"{result.Model}: {result.Epochs} epochs, {result.SecondsPerEpoch:F4} s/epoch, {result.TrainSeconds:F2} s training, threads {result.Threads}");
                foreach (var (k, v) in result.Metrics) Console.WriteLine($"  {k} = {v:F4}");
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>The bench output contract: one flat JSON object.</summary>
    public static string ToJson(BenchResult r)
    {
        var o = new Dictionary<string, object>
        {
            ["model"] = r.Model, ["epochs"] = r.Epochs, ["threads"] = r.Threads,
            ["secondsPerEpoch"] = r.SecondsPerEpoch, ["trainSeconds"] = r.TrainSeconds,
        };
        foreach (var (k, v) in r.Metrics) o[k] = v;
        return JsonSerializer.Serialize(o);
    }
}
