namespace RecCourse.Data;

/// <summary>Where <see cref="DataSource.Load"/> found its ratings.</summary>
public enum DataSourceKind
{
    /// <summary>Real MovieLens 100k from a folder.</summary>
    MovieLens100k,
    /// <summary>MovieLens latest-small from a folder.</summary>
    MovieLensLatestSmall,
    /// <summary>The synthetic set written to a folder by <c>reccourse data synth</c>.</summary>
    SyntheticFolder,
    /// <summary>The synthetic set generated in memory (the offline default, with <see cref="RecDataset.Truth"/>).</summary>
    Synthetic,
}
