using RecCourse.Data;

namespace RecCourse.Tests.Data;

/// <summary>The default synthetic set, generated once per test run (generation is deterministic, so sharing is safe as long as tests do not mutate it).</summary>
public static class SyntheticShared
{
    private static readonly Lazy<RecDataset> Default = new(() => SyntheticMovieLens.Generate());
    public static RecDataset Data => Default.Value;
}
