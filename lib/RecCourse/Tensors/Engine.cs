namespace RecCourse.Tensors;

/// <summary>Process-wide engine settings (<c>torch.set_num_threads</c>).</summary>
public static class Engine
{
    private static int threads = 1;

    /// <summary>
    /// Worker threads kernels may use (≥ 1; default 1). Results do not depend on it: every parallel
    /// kernel splits work into fixed blocks and each output value is computed by one thread in a fixed
    /// order, so the same seed gives bit-identical weights with 1 or 8 threads.
    /// </summary>
    public static int Threads
    {
        get => threads;
        set => threads = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Threads must be at least 1.");
    }
}
