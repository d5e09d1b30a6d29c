namespace RecCourse.Cli.Bench;

/// <summary>What a benchmark measured. <see cref="Metrics"/> uses the JSON names (rmse, mae, hr10, ndcg10, …).</summary>
public sealed record BenchResult(string Model, int Epochs, int Threads, double SecondsPerEpoch, double TrainSeconds,
    IReadOnlyDictionary<string, double> Metrics);
