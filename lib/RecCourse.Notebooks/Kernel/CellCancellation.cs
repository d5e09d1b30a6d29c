using System.ComponentModel;

namespace RecCourse.Notebooks.Kernel;

/// <summary>
/// Lets the runner stop a cell that loops forever. Script code rarely observes a CancellationToken,
/// so the runner rewrites every loop body in a cell to start with <see cref="ThrowIfCancelled"/>;
/// the token flows through the cell's thread, its awaits and Parallel.For workers (AsyncLocal).
/// Loops inside library code or #load-ed files are not rewritten; a cell stuck there is abandoned instead.
/// Methods declared in a cell start with <see cref="EnterMethod"/>, which also turns endless recursion
/// into an exception.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CellCancellation
{
    private static readonly AsyncLocal<CancellationToken> Token = new();

    /// <summary>Throws <see cref="OperationCanceledException"/> once the current cell's time is up.</summary>
    public static void ThrowIfCancelled() => Token.Value.ThrowIfCancellationRequested();

    /// <summary>
    /// Called first in every method and local function a cell declares: stops endless recursion with an
    /// exception before it overflows the stack (a stack overflow would end the whole process).
    /// </summary>
    public static void EnterMethod()
    {
        Token.Value.ThrowIfCancellationRequested();
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new InsufficientExecutionStackException("recursion too deep: the call stack is nearly full (endless recursion?)");
    }

    internal static void Set(CancellationToken token) => Token.Value = token;
}
