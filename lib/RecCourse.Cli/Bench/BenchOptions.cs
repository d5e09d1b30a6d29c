namespace RecCourse.Cli.Bench;

/// <param name="DataDir">An ml-100k folder (u.data, u1.base, …).</param>
/// <param name="Epochs">Overrides the task's default epoch/iteration count when set.</param>
/// <param name="Threads">Intra-op threads of libtorch (torch.set_num_threads) and of the kit's own loops.</param>
/// <param name="Seed">Seed for initialisation and shuffling.</param>
/// <param name="Device">Where TorchSharp models train: the resolved <c>--device</c> (default: RECCOURSE_DEVICE, else auto).</param>
public sealed record BenchOptions(string DataDir, int? Epochs, int Threads, int Seed, TorchSharp.torch.Device Device);
