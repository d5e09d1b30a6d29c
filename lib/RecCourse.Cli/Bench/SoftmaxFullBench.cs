namespace RecCourse.Cli.Bench;

/// <summary>torch_reference.py "softmax-full" (see SoftmaxBench for the protocol).</summary>
public sealed class SoftmaxFullBench : IBenchTask
{
    public string Name => "softmax-full";
    public string Description => "Two-tower embedding model, full softmax over all items (HR@10/NDCG@10)";

    public BenchResult Run(BenchOptions options, Action<string> log) => SoftmaxBench.Run(Name, sampled: false, options, log);
}
