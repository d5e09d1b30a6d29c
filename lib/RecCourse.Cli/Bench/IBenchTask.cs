namespace RecCourse.Cli.Bench;

/// <summary>
/// One benchmark the <c>reccourse bench &lt;name&gt;</c> verb can run. Implementations are found by
/// reflection (any public non-abstract class with a parameterless constructor), so adding a
/// benchmark is adding one file.
/// </summary>
public interface IBenchTask
{
    /// <summary>The name on the command line, e.g. "mf".</summary>
    string Name { get; }
    string Description { get; }
    /// <summary>Runs the benchmark; <paramref name="log"/> receives one line per epoch.</summary>
    BenchResult Run(BenchOptions options, Action<string> log);
}
