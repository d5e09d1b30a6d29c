using System.CommandLine;
using RecCourse.Cli.Commands;
using Spectre.Console;

// Redirected output (CI logs, pipes): plain text without ANSI escapes, and tables wide enough not to wrap paths.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(Console.Out),
    });
    AnsiConsole.Profile.Width = 160;
}

var root = new RootCommand("reccourse — run, assign and grade the RecCourse notebooks; inspect data; benchmark models.");
root.Subcommands.Add(NotebookCommands.CreateRun());
root.Subcommands.Add(NotebookCommands.CreateAssign());
root.Subcommands.Add(NotebookCommands.CreateGrade());
root.Subcommands.Add(NotebookCommands.CreateExport());
root.Subcommands.Add(DataCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return root.Parse(args).Invoke();
