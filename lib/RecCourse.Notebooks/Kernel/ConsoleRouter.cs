using System.Text;

namespace RecCourse.Notebooks.Kernel;

/// <summary>
/// Installed once as Console.Out and Console.Error: text written while a cell runs goes to that
/// cell's <see cref="OutputCollector"/> (found through the execution context, so concurrent runners
/// and Parallel.For workers stay separate); anything else goes to the real console.
/// </summary>
internal sealed class ConsoleRouter(string stream, TextWriter fallback) : TextWriter
{
    private static readonly Lock InstallLock = new();
    private static bool _installed;

    public override Encoding Encoding => fallback.Encoding;

    public static void Install()
    {
        lock (InstallLock)
        {
            if (_installed) return;
            Console.SetOut(new ConsoleRouter("stdout", Console.Out));
            Console.SetError(new ConsoleRouter("stderr", Console.Error));
            _installed = true;
        }
    }

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (value is null) return;
        if (OutputCollector.Current is { } collector) collector.Write(stream, value);
        else lock (fallback) fallback.Write(value);
    }

    public override void WriteLine(string? value) => Write((value ?? "") + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush()
    {
        if (OutputCollector.Current is null) fallback.Flush();
    }
}
