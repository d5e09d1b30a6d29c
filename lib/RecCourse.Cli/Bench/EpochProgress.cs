using RecCourse.Training;
using Spectre.Console;

namespace RecCourse.Cli.Bench;

/// <summary>
/// The CLI side of <see cref="Trainer"/>'s progress callback: a live Spectre.Console progress bar in an
/// interactive terminal, one milestone line per epoch when the output is redirected (CI logs, the
/// comparison script, which reads only the last JSON line).
/// </summary>
public static class EpochProgress
{
    /// <summary>True when a live bar can be drawn (a terminal, not a pipe or a file).</summary>
    public static bool Live => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> with a progress callback for <paramref name="epochs"/>
    /// epochs; <paramref name="line"/> formats an epoch's milestone line (also the bar's caption).</summary>
    public static T Run<T>(string title, int epochs, Func<EpochRecord, string> line, Action<string> log, Func<IProgress<EpochRecord>, T> work)
    {
        if (!Live) return work(new Callback(r => log(line(r))));
        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(1, epochs));
                return work(new Callback(r =>
                {
                    task.Increment(1);
                    task.Description = Markup.Escape($"{title}: {line(r)}");
                }));
            });
    }

    private sealed class Callback(Action<EpochRecord> report) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => report(value);
    }
}
