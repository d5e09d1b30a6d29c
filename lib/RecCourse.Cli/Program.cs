using System.CommandLine;
using RecCourse.Cli.Commands;

var root = new RootCommand("reccourse — run, assign and grade the RecCourse notebooks; inspect data; benchmark models.");
root.Subcommands.Add(NotebookCommands.CreateRun());
root.Subcommands.Add(NotebookCommands.CreateAssign());
root.Subcommands.Add(NotebookCommands.CreateGrade());
root.Subcommands.Add(NotebookCommands.CreateExport());
root.Subcommands.Add(DataCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return root.Parse(args).Invoke();
