namespace RecCourse.Tests.Training;

/// <summary>Tests that read process-wide counters (TorchSharp's live tensor count, resident memory):
/// nothing else runs beside them.</summary>
[CollectionDefinition(nameof(NativeMemoryCollection), DisableParallelization = true)]
public sealed class NativeMemoryCollection;
