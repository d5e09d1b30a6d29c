using System.Runtime.CompilerServices;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RecCourse.Tensors;

/// <summary>
/// A float32 tensor of rank 0 (scalar), 1 (vector) or 2 (matrix) stored contiguously in row-major
/// order, with an optional gradient for reverse-mode automatic differentiation (like
/// <c>torch.Tensor</c>). Operations live in <see cref="Ops"/> and in <c>RecCourse.Nn.Losses</c>; each
/// records how to push gradients back to its inputs, and <see cref="Backward()"/> walks that graph.
/// </summary>
/// <remarks>
/// Rank is capped at 2 on purpose: every model of the course is a batch of rows, and a matrix-only
/// engine stays small enough to read in one sitting.
/// </remarks>
public sealed class Tensor
{
    private static readonly float[] One = [1f];
    private float[]? grad;

    /// <summary>A zero-filled tensor of the given shape (length 0, 1 or 2; all sizes ≥ 0).</summary>
    public Tensor(params int[] shape) : this(new float[CheckedLength(shape)], shape) { }

    /// <summary>Wraps <paramref name="data"/> (not copied) with the given shape.</summary>
    /// <exception cref="ArgumentException">The data length is not the product of the shape.</exception>
    public Tensor(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = CheckedLength(shape);
        if (data.Length != n)
            throw new ArgumentException($"Data has {data.Length} values but shape [{string.Join(", ", shape)}] needs {n}.", nameof(data));
        Data = data;
        Shape = (int[])shape.Clone();
    }

    /// <summary>The values, row-major: element (r, c) of a matrix is <c>Data[r * Cols + c]</c>.</summary>
    public float[] Data { get; }

    /// <summary>Sizes per dimension: [] for a scalar, [n] for a vector, [rows, cols] for a matrix.</summary>
    public int[] Shape { get; }

    public int Rank => Shape.Length;
    public int Length => Data.Length;
    /// <summary>First dimension (1 for a scalar).</summary>
    public int Rows => Shape.Length == 0 ? 1 : Shape[0];
    /// <summary>Second dimension (1 for a scalar or a vector).</summary>
    public int Cols => Shape.Length == 2 ? Shape[1] : 1;

    /// <summary>Optional label used in error messages and by <c>Module.NamedParameters</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Whether <see cref="Backward()"/> should compute a gradient for this tensor (a leaf such as a
    /// parameter) or through it (an operation result).</summary>
    public bool RequiresGrad { get; set; }

    /// <summary>
    /// The accumulated gradient ∂loss/∂this, same layout as <see cref="Data"/>; null until a backward
    /// pass reaches this tensor. Gradients add up across backward calls until
    /// <see cref="ZeroGrad"/> (PyTorch semantics).
    /// </summary>
    public float[]? Grad => grad;

    /// <summary>
    /// For a leaf updated only through row lookups (an embedding table), the rows whose gradient is
    /// non-zero since the last <see cref="ZeroGrad"/>; null when some dense gradient arrived. Lazy
    /// optimisers use it to touch only those rows.
    /// </summary>
    public RowSet? TouchedRows => sparseOnly ? rowSet : null;

    private RowSet? rowSet;
    private bool sparseOnly;

    /// <summary>True for tensors not produced by a recorded operation (parameters, inputs).</summary>
    public bool IsLeaf => BackwardFn is null;

    // ---- autograd bookkeeping: an operation result remembers its inputs and how to differentiate.
    internal BackwardFunction? BackwardFn;
    internal Tensor? Input0, Input1, Input2, Input3;
    internal Tensor[]? InputList;
    /// <summary>A reusable array for <see cref="InputList"/> kept across arena reuse.</summary>
    internal Tensor[]? SpareInputList;
    internal int[]? SavedInts;
    internal int SavedIntCount;
    internal float[]? SavedFloats;
    internal float SavedScalar0, SavedScalar1;
    internal int VisitMark;
    /// <summary>For operation results: the gradient buffer holds stale values and the first
    /// accumulation must overwrite rather than add (saves a memset per intermediate per step).</summary>
    internal bool GradIsStale;

    /// <summary>Element (r, c) of a matrix.</summary>
    [IndexerName("Element")]
    public float this[int r, int c]
    {
        get => Data[Index(r, c)];
        set => Data[Index(r, c)] = value;
    }

    /// <summary>Element i of the flat storage.</summary>
    [IndexerName("Element")]
    public float this[int i]
    {
        get => Data[i];
        set => Data[i] = value;
    }

    /// <summary>The value of a one-element tensor (a loss).</summary>
    public float Item()
    {
        if (Length != 1) throw new InvalidOperationException($"Item() needs a single value; this tensor has shape {ShapeString}.");
        return Data[0];
    }

    /// <summary>"[rows, cols]" for messages.</summary>
    public string ShapeString => "[" + string.Join(", ", Shape) + "]";

    /// <summary>Row r of a matrix as a span over the storage.</summary>
    public Span<float> Row(int r) => Data.AsSpan(r * Cols, Cols);

    /// <summary>A new leaf tensor holding a copy of the values (no gradient, no graph).</summary>
    public Tensor Detach() => new((float[])Data.Clone(), Shape);

    public override string ToString() => $"Tensor{ShapeString}{(Name is null ? "" : " " + Name)}{(RequiresGrad ? " requires_grad" : "")}";

    // ---------------------------------------------------------------- factories

    /// <summary>A zero tensor; same as <c>new Tensor(shape)</c>.</summary>
    public static Tensor Zeros(params int[] shape) => new(shape);

    /// <summary>A matrix from a jagged array (all rows the same length).</summary>
    public static Tensor FromRows(float[][] rows)
    {
        int cols = rows.Length == 0 ? 0 : rows[0].Length;
        var t = new Tensor(rows.Length, cols);
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != cols) throw new ArgumentException($"Row {r} has {rows[r].Length} values, row 0 has {cols}.", nameof(rows));
            rows[r].CopyTo(t.Data, r * cols);
        }
        return t;
    }

    /// <summary>Values drawn from N(mean, std²) with a seeded generator (Box–Muller).</summary>
    public static Tensor Normal(Random rng, float mean, float std, params int[] shape)
    {
        var t = new Tensor(shape);
        Init.Normal(t.Data, rng, mean, std);
        return t;
    }

    /// <summary>Values drawn uniformly from [low, high) with a seeded generator.</summary>
    public static Tensor Uniform(Random rng, float low, float high, params int[] shape)
    {
        var t = new Tensor(shape);
        Init.Uniform(t.Data, rng, low, high);
        return t;
    }

    // ---------------------------------------------------------------- autograd entry points

    /// <summary>Back-propagates from this one-element tensor (seed gradient 1), like <c>loss.backward()</c>.</summary>
    public void Backward()
    {
        if (Length != 1) throw new InvalidOperationException($"Backward() without a seed needs a scalar; shape is {ShapeString}. Pass the output gradient.");
        Autograd.Backward(this, One);
    }

    /// <summary>Back-propagates with an explicit gradient of the same length as this tensor.</summary>
    public void Backward(ReadOnlySpan<float> outputGradient) => Autograd.Backward(this, outputGradient);

    /// <summary>Clears the accumulated gradient. For an embedding table touched only through row lookups
    /// only those rows are cleared, which keeps sparse training cheap.</summary>
    public void ZeroGrad()
    {
        if (grad is null) return;
        if (sparseOnly && rowSet is not null)
        {
            int cols = Cols;
            foreach (int r in rowSet.AsSpan()) Array.Clear(grad, r * cols, cols);
        }
        else Array.Clear(grad);
        rowSet?.Clear();
        sparseOnly = rowSet is not null;
        GradIsStale = false;
    }

    // ---------------------------------------------------------------- gradient helpers used by operations

    /// <summary>A gradient span to add into; stale buffers of operation results are zeroed first.</summary>
    internal Span<float> GradForAdd()
    {
        EnsureGrad();
        if (GradIsStale) { Array.Clear(grad!); GradIsStale = false; }
        return grad;
    }

    /// <summary>The gradient span and whether the caller may overwrite it (it holds nothing yet).</summary>
    internal Span<float> GradForWrite(out bool overwrite)
    {
        EnsureGrad();
        overwrite = GradIsStale;
        GradIsStale = false;
        return grad;
    }

    /// <summary>Adds g to the gradient; marks the whole gradient dense (no sparse row tracking).</summary>
    internal void AccumulateGrad(ReadOnlySpan<float> g)
    {
        var dst = GradForWrite(out bool overwrite);
        if (overwrite) g.CopyTo(dst); else TensorPrimitives.Add(dst, g, dst);
        MarkDense();
    }

    /// <summary>A dense gradient arrived: lazy optimisers must treat every row as touched.</summary>
    internal void MarkDense() => sparseOnly = false;

    /// <summary>Records that row r of a leaf received gradient through a lookup.</summary>
    internal void MarkRowTouched(int r)
    {
        if (sparseOnly) rowSet!.Add(r);
    }

    private void EnsureGrad()
    {
        if (grad is null)
        {
            grad = new float[Data.Length];
            if (IsLeaf && Rank == 2) { rowSet = new RowSet(Rows); sparseOnly = true; }
            GradIsStale = false;
        }
    }

    /// <summary>Reinitialises a recycled arena tensor as a fresh operation result.</summary>
    internal void ResetForReuse()
    {
        BackwardFn = null; Input0 = Input1 = Input2 = Input3 = null; InputList = null;
        SavedIntCount = 0; RequiresGrad = false; GradIsStale = true; Name = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Index(int r, int c)
    {
        if (Rank != 2) throw new InvalidOperationException($"(row, col) indexing needs a matrix; shape is {ShapeString}.");
        if ((uint)r >= (uint)Shape[0] || (uint)c >= (uint)Shape[1]) throw new IndexOutOfRangeException($"({r}, {c}) is outside {ShapeString}.");
        return r * Shape[1] + c;
    }

    private static int CheckedLength(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length > 2) throw new ArgumentException($"Tensors have rank 0, 1 or 2; got shape [{string.Join(", ", shape)}].", nameof(shape));
        long n = 1;
        foreach (int s in shape)
        {
            if (s < 0) throw new ArgumentException($"Negative size in shape [{string.Join(", ", shape)}].", nameof(shape));
            n *= s;
        }
        if (n > Array.MaxLength) throw new ArgumentException($"Shape [{string.Join(", ", shape)}] is too large.", nameof(shape));
        return (int)n;
    }
}
