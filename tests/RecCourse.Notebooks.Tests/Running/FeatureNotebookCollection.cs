namespace RecCourse.Notebooks.Tests.Running;

/// <summary>Shares one run of Features.ipynb between the runner tests and the browser test.</summary>
[CollectionDefinition(Name)]
public sealed class FeatureNotebookCollection : ICollectionFixture<FeatureNotebookFixture>
{
    public const string Name = "Features notebook";
}
