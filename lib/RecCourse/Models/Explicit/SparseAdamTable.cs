using System.Numerics.Tensors;

namespace RecCourse.Models;

/// <summary>
/// A parameter table (rows × width, row-major) with its gradient buffer and Adam moments. Gradients
/// are accumulated row by row; <see cref="Step"/> updates only the rows touched since the last step
/// ("lazy" Adam, as PyTorch's SparseAdam), which is what makes embedding training cheap. A dense
/// weight matrix is simply a table whose every row is touched.
/// </summary>
internal sealed class SparseAdamTable
{
    private readonly float[] _m, _v, _grad;
    private readonly bool[] _touched;
    private readonly List<int> _rows = new();

    public SparseAdamTable(float[] values, int width)
    {
        if (width < 1 || values.Length % width != 0) throw new ArgumentException($"table of length {values.Length} is not a multiple of width {width}");
        Values = values; Width = width;
        _m = new float[values.Length]; _v = new float[values.Length]; _grad = new float[values.Length];
        _touched = new bool[values.Length / width];
    }

    public float[] Values { get; }
    public int Width { get; }

    /// <summary>The gradient row to add into (marks the row as touched).</summary>
    public Span<float> GradRow(int row)
    {
        if (!_touched[row]) { _touched[row] = true; _rows.Add(row); }
        return _grad.AsSpan(row * Width, Width);
    }

    /// <summary>g_row += scale · x.</summary>
    public void Accumulate(int row, ReadOnlySpan<float> x, float scale) =>
        TensorPrimitives.MultiplyAdd(x, scale, (ReadOnlySpan<float>)GradRow(row), GradRow(row));

    /// <summary>One Adam step on the touched rows, the accumulated gradient multiplied by
    /// <paramref name="gradScale"/> (e.g. 1/batch); clears the gradients.</summary>
    /// <param name="step">1-based global step count t for the bias corrections.</param>
    public void Step(float lr, int step, float gradScale, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f)
    {
        float c1 = 1f / (1f - MathF.Pow(beta1, step)), c2 = 1f / (1f - MathF.Pow(beta2, step));
        foreach (int r in _rows)
        {
            int o = r * Width;
            for (int k = o; k < o + Width; k++)
            {
                float g = _grad[k] * gradScale;
                _m[k] = beta1 * _m[k] + (1 - beta1) * g;
                _v[k] = beta2 * _v[k] + (1 - beta2) * g * g;
                Values[k] -= lr * (_m[k] * c1) / (MathF.Sqrt(_v[k] * c2) + eps);
                _grad[k] = 0;
            }
            _touched[r] = false;
        }
        _rows.Clear();
    }

    /// <summary>Plain SGD on the touched rows; clears the gradients.</summary>
    public void SgdStep(float lr, float gradScale)
    {
        foreach (int r in _rows)
        {
            Span<float> w = Values.AsSpan(r * Width, Width), g = _grad.AsSpan(r * Width, Width);
            TensorPrimitives.MultiplyAdd(g, -lr * gradScale, (ReadOnlySpan<float>)w, w);
            g.Clear();
            _touched[r] = false;
        }
        _rows.Clear();
    }
}
