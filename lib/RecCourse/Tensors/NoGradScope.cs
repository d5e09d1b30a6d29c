namespace RecCourse.Tensors;

/// <summary>Returned by <see cref="Autograd.NoGrad"/>; disposing it re-enables graph recording.</summary>
public readonly struct NoGradScope : IDisposable
{
    public void Dispose() => Autograd.ExitNoGrad();
}
