using RecCourse.Notebooks.IO;

namespace RecCourse.Notebooks.Grading;

/// <summary>Writes student copies of every notebook in a folder (or of given files) into an output folder.</summary>
public static class Assigner
{
    /// <summary>
    /// For each source notebook (.ipynb/.dib; <c>*.tests.csx</c> files are never copied) writes the
    /// student copy as .ipynb with the same base name into <paramref name="outDirectory"/>, and copies
    /// sibling helper scripts (*.csx other than hidden tests) that notebooks may #load.
    /// Returns (source path, written path, exercises) per notebook.
    /// </summary>
    public static IReadOnlyList<(string Source, string Written, IReadOnlyList<Exercise> Exercises)> Assign(
        IEnumerable<string> notebookPaths, string outDirectory)
    {
        Directory.CreateDirectory(outDirectory);
        var written = new List<(string, string, IReadOnlyList<Exercise>)>();
        var folders = new HashSet<string>();
        foreach (var path in notebookPaths)
        {
            var source = NotebookReader.Read(path);
            var copy = StudentCopy.Make(source);
            var target = Path.Combine(outDirectory, Path.GetFileNameWithoutExtension(path) + ".ipynb");
            if (Path.GetFullPath(target) == Path.GetFullPath(path))
                throw new InvalidOperationException($"{path}: the student copy would overwrite its source; choose another --out folder");
            NotebookWriter.Write(copy, target);
            written.Add((path, target, ExerciseMarkers.Find(source)));
            folders.Add(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        foreach (var helper in folders.SelectMany(f => Directory.GetFiles(f, "*.csx"))
                     .Where(f => !f.EndsWith(HiddenTests.FileSuffix, StringComparison.OrdinalIgnoreCase)))
        {
            File.Copy(helper, Path.Combine(outDirectory, Path.GetFileName(helper)), overwrite: true);
        }
        return written;
    }
}
