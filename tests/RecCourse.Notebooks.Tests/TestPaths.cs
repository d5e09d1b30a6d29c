namespace RecCourse.Notebooks.Tests;

/// <summary>Locations of the test notebooks (copied next to the test assembly) and a scratch folder.</summary>
internal static class TestPaths
{
    public static string Notebooks => Path.Combine(AppContext.BaseDirectory, "TestNotebooks");

    public static string Notebook(string name) => Path.Combine(Notebooks, name);

    /// <summary>A fresh empty folder under the system temp directory.</summary>
    public static string TempDir(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), "reccourse-tests", prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The repository root (folder holding RecCourse.sln), found by walking up.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RecCourse.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("RecCourse.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
