using System.CommandLine;

namespace RecCourse.Cli.Commands;

/// <summary><c>reccourse run|assign|grade|export</c>. (Placeholder until the runner lands.)</summary>
public static class NotebookCommands
{
    public static Command CreateRun() => new("run", "Run notebooks headless.");
    public static Command CreateAssign() => new("assign", "Write student copies.");
    public static Command CreateGrade() => new("grade", "Grade a student's notebook.");
    public static Command CreateExport() => new("export", "Export a notebook as a file-based app.");
}
