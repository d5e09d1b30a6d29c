namespace RecCourse.Cli.Bench;

/// <param name="DataDir">An ml-100k folder (u.data, u1.base, …).</param>
/// <param name="Epochs">Overrides the task's default epoch/iteration count when set.</param>
/// <param name="Threads">Worker threads the engine may use.</param>
/// <param name="Seed">Seed for initialisation and shuffling.</param>
public sealed record BenchOptions(string DataDir, int? Epochs, int Threads, int Seed);
