namespace RecCourse.Cli.Bench;

/// <summary>What a benchmark measured. <see cref="Metrics"/> uses the JSON names (rmse, mae, hr10, ndcg10, …).
/// <see cref="Device"/> ("cpu", "cuda:0") and <see cref="Backend"/> ("TorchSharp 0.107.0 · libtorch 2.10.0";
/// "RecCourse" for the algorithms that do not train through TorchSharp, such as ALS) say what ran.</summary>
public sealed record BenchResult(string Model, int Epochs, int Threads, double SecondsPerEpoch, double TrainSeconds,
    IReadOnlyDictionary<string, double> Metrics)
{
    public string Device { get; init; } = "cpu";
    public string Backend { get; init; } = "";
}
