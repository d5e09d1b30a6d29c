namespace RecCourse.Tensors;

/// <summary>
/// Recycles the intermediate tensors of a training step so that steady-state training allocates
/// nothing: while an arena is active (<see cref="Activate"/>) operation results are rented from it,
/// and <see cref="Reset"/> returns them all for reuse by the next batch. Tensors rented before a
/// reset must not be used after it. Outside any arena, operations allocate normally (notebook use).
/// </summary>
public sealed class TensorArena
{
    [ThreadStatic] private static TensorArena? current;

    private readonly Dictionary<long, Stack<Tensor>> free = new();
    private readonly List<Tensor> rented = new(128);

    /// <summary>The arena operations on this thread rent from, if any.</summary>
    public static TensorArena? Current => current;

    /// <summary>Number of tensors handed out since the last reset.</summary>
    public int RentedCount => rented.Count;

    /// <summary>Makes this arena current on this thread until the scope is disposed.</summary>
    public ArenaScope Activate()
    {
        var previous = current;
        current = this;
        return new ArenaScope(previous);
    }

    internal static void Restore(TensorArena? previous) => current = previous;

    /// <summary>Returns every rented tensor to the pool.</summary>
    public void Reset()
    {
        // pushed in reverse so that the next step, making the same requests in the same order, gets
        // the same tensors back — with their saved-value buffers already the right size.
        for (int k = rented.Count - 1; k >= 0; k--)
        {
            var t = rented[k];
            t.ResetForReuse();
            free[Key(t.Shape)].Push(t);
        }
        rented.Clear();
    }

    /// <summary>An operation result of the given shape: rented when an arena is current, new otherwise.
    /// Its contents are unspecified (callers overwrite them).</summary>
    internal static Tensor Create(params int[] shape) => current is { } a ? a.Rent(shape) : Fresh(shape);

    internal static Tensor Create(int rows, int cols) => current is { } a ? a.Rent(rows, cols) : Fresh([rows, cols]);

    internal static Tensor CreateVector(int n) => current is { } a ? a.RentVector(n) : Fresh([n]);

    private static Tensor Fresh(int[] shape)
    {
        var t = new Tensor(shape);
        t.GradIsStale = true;
        return t;
    }

    private Tensor Rent(int rows, int cols) => RentKey(Key2(rows, cols), 2, rows, cols);

    private Tensor RentVector(int n) => RentKey((1L << 60) | (uint)n, 1, n, 0);

    private Tensor Rent(int[] shape) => RentKey(Key(shape), shape.Length, shape.Length > 0 ? shape[0] : 0, shape.Length > 1 ? shape[1] : 0);

    private static long Key2(int rows, int cols) => (2L << 60) | ((long)rows << 30) | (uint)cols;

    private Tensor RentKey(long key, int rank, int d0, int d1)
    {
        Tensor t;
        if (free.TryGetValue(key, out var stack) && stack.Count > 0) t = stack.Pop();
        else
        {
            if (stack is null) free[key] = new Stack<Tensor>();
            t = Fresh(rank switch { 0 => [], 1 => [d0], _ => [d0, d1] });
        }
        t.GradIsStale = true;
        rented.Add(t);
        return t;
    }

    private static long Key(int[] shape) => shape.Length switch
    {
        0 => 0,
        1 => (1L << 60) | (uint)shape[0],
        _ => Key2(shape[0], shape[1]),
    };
}
