namespace RecCourse.Tensors;

/// <summary>Returned by <see cref="TensorArena.Activate"/>; disposing it restores the previous arena.</summary>
public readonly struct ArenaScope : IDisposable
{
    private readonly TensorArena? previous;

    internal ArenaScope(TensorArena? previous) => this.previous = previous;

    public void Dispose() => TensorArena.Restore(previous);
}
