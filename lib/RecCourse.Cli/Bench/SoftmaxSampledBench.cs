namespace RecCourse.Cli.Bench;

/// <summary>torch_reference.py "softmax-sampled" (see SoftmaxBench for the protocol).</summary>
public sealed class SoftmaxSampledBench : IBenchTask
{
    public string Name => "softmax-sampled";
    public string Description => "Two-tower embedding model, sampled softmax with 100 uniform shared negatives (HR@10/NDCG@10)";

    public BenchResult Run(BenchOptions options, Action<string> log) => SoftmaxBench.Run(Name, sampled: true, options, log);
}
