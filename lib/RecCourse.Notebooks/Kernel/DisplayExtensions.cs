namespace RecCourse.Notebooks.Kernel;

/// <summary><c>x.Display()</c> in notebook cells (imported by the runner, as .NET Interactive imported its own).</summary>
public static class DisplayExtensions
{
    /// <summary>Displays the value as an output of the running cell; outside a cell, prints its text form.</summary>
    public static void Display(this object? value)
    {
        if (OutputCollector.Current is { } collector) collector.Display(value);
        else Console.Out.WriteLine(value?.ToString() ?? "<null>");
    }
}
