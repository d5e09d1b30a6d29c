using System.CommandLine;
using System.Text.Json;
using RecCourse.Cli.Bench;

namespace RecCourse.Cli.Commands;

/// <summary><c>reccourse bench &lt;task&gt; --data DIR [--device cpu|cuda] [--epochs N] [--threads T] [--seed S] [--json]</c>.</summary>
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
        var device = new Option<string?>("--device") { Description = "auto, cpu, cuda or cuda:N (default: $RECCOURSE_DEVICE, else auto)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object as the last line" };
        var cmd = new Command("bench", "Train a reference model on MovieLens 100k and report speed and quality (tests/benchmarks/compare_with_torch.py compares it with a PyTorch reference).")
            { task, data, device, epochs, threads, seed, json };
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
            TorchSharp.torch.Device dev;
            try
            {
                dev = RecCourse.Training.Backend.ResolveDevice(pr.GetValue(device) ?? Environment.GetEnvironmentVariable(RecCourse.Training.Backend.DeviceVariable));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            int threadCount = Math.Max(1, pr.GetValue(threads));
            RecCourse.Training.Backend.Threads = threadCount;
            var result = t.Run(new BenchOptions(dir, pr.GetValue(epochs), threadCount, pr.GetValue(seed), dev), Console.WriteLine);
            result = result with
            {
                Device = string.IsNullOrEmpty(result.Backend) || result.Backend == "RecCourse" ? "cpu" : DeviceName(dev),
                Backend = string.IsNullOrEmpty(result.Backend) ? RecCourse.Training.Backend.Name : result.Backend,
            };
            if (pr.GetValue(json)) Console.WriteLine(ToJson(result));
            else
            {
                Console.WriteLine($"{result.Model}: {result.Epochs} epochs, {result.SecondsPerEpoch:F4} s/epoch, {result.TrainSeconds:F2} s training, threads {result.Threads}, {result.Device}, {result.Backend}");
                foreach (var (k, v) in result.Metrics) Console.WriteLine($"  {k} = {v:F4}");
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>"cpu" or "cuda:0".</summary>
    public static string DeviceName(TorchSharp.torch.Device d) =>
        d.type == TorchSharp.DeviceType.CUDA ? $"cuda:{Math.Max(0, d.index)}" : d.type.ToString().ToLowerInvariant();

    /// <summary>The bench output contract: one flat JSON object.</summary>
    public static string ToJson(BenchResult r)
    {
        var o = new Dictionary<string, object>
        {
            ["model"] = r.Model, ["device"] = r.Device, ["backend"] = r.Backend, ["epochs"] = r.Epochs, ["threads"] = r.Threads,
            ["secondsPerEpoch"] = r.SecondsPerEpoch, ["trainSeconds"] = r.TrainSeconds,
        };
        foreach (var (k, v) in r.Metrics) o[k] = v;
        return JsonSerializer.Serialize(o);
    }
}
