namespace RecCourse.Tensors;

/// <summary>
/// Reverse-mode automatic differentiation. Each operation result keeps its inputs and a backward
/// function; <see cref="Backward"/> orders the graph topologically from the root (depth-first,
/// iterative) and calls the backward functions from the root down, so every node's gradient is
/// complete before it is propagated. Gradients of leaves accumulate (PyTorch semantics).
/// </summary>
public static class Autograd
{
    [ThreadStatic] private static int noGradDepth;
    [ThreadStatic] private static List<Tensor>? order;
    [ThreadStatic] private static Stack<(Tensor Node, int Next)>? stack;
    private static int visitGeneration;

    /// <summary>False inside a <see cref="NoGrad"/> scope: operations then record nothing (evaluation).</summary>
    public static bool IsGradEnabled => noGradDepth == 0;

    /// <summary>Disables graph recording until the scope is disposed (<c>torch.no_grad()</c>).</summary>
    public static NoGradScope NoGrad()
    {
        noGradDepth++;
        return new NoGradScope();
    }

    internal static void ExitNoGrad() => noGradDepth--;

    /// <summary>True when an operation on these inputs must record a graph node.</summary>
    internal static bool Needs(Tensor? a, Tensor? b = null, Tensor? c = null, Tensor? d = null) =>
        noGradDepth == 0 && ((a?.RequiresGrad ?? false) || (b?.RequiresGrad ?? false) || (c?.RequiresGrad ?? false) || (d?.RequiresGrad ?? false));

    internal static void Backward(Tensor root, ReadOnlySpan<float> seed)
    {
        if (seed.Length != root.Length)
            throw new ArgumentException($"Seed gradient has {seed.Length} values; the tensor has shape {root.ShapeString}.", nameof(seed));
        if (!root.RequiresGrad)
            throw new InvalidOperationException($"Backward() on {root}: it does not require grad (no parameter took part, or it was computed under NoGrad).");
        var nodes = TopologicalOrder(root);
        root.AccumulateGrad(seed);
        // nodes are in post-order (inputs before outputs), so walk it backwards.
        for (int k = nodes.Count - 1; k >= 0; k--)
        {
            var t = nodes[k];
            if (t.BackwardFn is null || t.GradIsStale || t.Grad is null) continue;
            t.BackwardFn(t);
        }
        nodes.Clear();
    }

    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var result = order ??= new List<Tensor>(64);
        var todo = stack ??= new Stack<(Tensor, int)>(64);
        int mark = Interlocked.Increment(ref visitGeneration);
        result.Clear();
        root.VisitMark = mark;
        todo.Push((root, 0));
        while (todo.Count > 0)
        {
            var (node, next) = todo.Pop();
            var child = InputAt(node, next);
            if (child is null)
            {
                if (!node.IsLeaf)
                {
                    // stale gradients of intermediates are overwritten by their first contribution.
                    node.GradIsStale = true;
                }
                result.Add(node);
                continue;
            }
            todo.Push((node, next + 1));
            if (child.RequiresGrad && child.VisitMark != mark)
            {
                child.VisitMark = mark;
                todo.Push((child, 0));
            }
        }
        return result;
    }

    private static Tensor? InputAt(Tensor t, int k)
    {
        if (t.InputList is { } list) return k < list.Length ? list[k] : null;
        // operations fill Input0, Input1, … without gaps.
        return k switch { 0 => t.Input0, 1 => t.Input1, 2 => t.Input2, 3 => t.Input3, _ => null };
    }

    /// <summary>Sum of squares of all values (used by tests and the L2 penalty); float64 accumulation.</summary>
    internal static double SumOfSquares(ReadOnlySpan<float> x)
    {
        double s = 0;
        foreach (float v in x) s += (double)v * v;
        return s;
    }
}
