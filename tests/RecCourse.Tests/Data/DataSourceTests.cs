using RecCourse.Data;

namespace RecCourse.Tests.Data;

public class DataSourceTests
{
    [Fact]
    public void Synthetic_preference_generates_in_memory_and_says_so()
    {
        var s = DataSource.Load("synthetic", new SyntheticOptions { NumUsers = 50, NumItems = 120, NumRatings = 1500 });
        Assert.Equal(DataSourceKind.Synthetic, s.Kind);
        Assert.True(s.IsSynthetic);
        Assert.Null(s.Folder);
        Assert.NotNull(s.Dataset.Truth);
        Assert.Contains("1500 ratings", s.Description);
        Assert.Contains("Synthetic", s.Description);
    }

    [Fact]
    public void A_folder_preference_is_detected_and_loaded()
    {
        using var dir = new TempDir();
        MovieLensWriter.Write(SyntheticMovieLens.Generate(new SyntheticOptions { NumUsers = 40, NumItems = 100, NumRatings = 1000 }), dir.Path);
        var s = DataSource.Load(dir.Path);
        Assert.Equal(DataSourceKind.SyntheticFolder, s.Kind);
        Assert.Equal(1000, s.Dataset.Ratings.Count);
        Assert.Contains(dir.Path, s.Description);
    }

    [Fact]
    public void Auto_finds_data_ml100k_above_the_notebook_folder_or_falls_back()
    {
        using var repo = new TempDir();
        repo.File("RecCourse.sln", "");
        string notebooks = Directory.CreateDirectory(Path.Combine(repo.Path, "notebooks")).FullName;
        string? env = DataSource.FindMovieLens100k(notebooks);
        if (Environment.GetEnvironmentVariable(DataSource.EnvironmentVariable) is { Length: > 0 })
        {
            Assert.NotNull(env); // the variable wins when set (as in CI)
            return;
        }
        Assert.Null(env);
        string ml = Directory.CreateDirectory(Path.Combine(repo.Path, "data", "ml-100k")).FullName;
        MovieLensWriter.Write(SyntheticMovieLens.Generate(new SyntheticOptions { NumUsers = 40, NumItems = 100, NumRatings = 1000 }), ml);
        Assert.Equal(ml, DataSource.FindMovieLens100k(notebooks));
        var s = DataSource.Load("auto", startDirectory: notebooks);
        Assert.Equal(ml, s.Folder);
    }

    [Fact]
    public void Requiring_ml100k_when_absent_says_what_to_run()
    {
        if (Environment.GetEnvironmentVariable(DataSource.EnvironmentVariable) is { Length: > 0 }) return;
        using var empty = new TempDir();
        empty.File("RecCourse.sln", "");
        var e = Assert.Throws<DirectoryNotFoundException>(() => DataSource.Load("ml-100k", startDirectory: empty.Path));
        Assert.Contains(MovieLens100k.DownloadCommand, e.Message);
        Assert.Equal(DataSourceKind.Synthetic, DataSource.Load("auto", new SyntheticOptions { NumUsers = 40, NumItems = 100, NumRatings = 1000 }, empty.Path).Kind);
    }
}
