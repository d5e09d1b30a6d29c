namespace RecCourse.Tests.Training;

/// <summary>Tests that set the process-wide <c>Engine.Threads</c> run alone, not beside other tests.</summary>
[CollectionDefinition(nameof(EngineThreadsCollection), DisableParallelization = true)]
public sealed class EngineThreadsCollection;
