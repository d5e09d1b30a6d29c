namespace RecCourse.Notebooks.Kernel;

/// <summary>
/// The globals object of every notebook script: its public members are in scope in cells, as the
/// .NET Interactive C# kernel's were.
/// </summary>
public class ScriptGlobals
{
    /// <summary>Displays <paramref name="value"/> as a cell output (HTML where the type provides it).</summary>
    // Lower-case on purpose: notebooks written for .NET Interactive call display(x).
#pragma warning disable IDE1006
    public void display(object? value) => DisplayExtensions.Display(value);
#pragma warning restore IDE1006
}
