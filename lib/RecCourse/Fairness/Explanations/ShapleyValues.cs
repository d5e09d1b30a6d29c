using MathNet.Numerics.LinearAlgebra;
using RecCourse.Training;
using static TorchSharp.torch;

namespace RecCourse.Fairness.Explanations;

/// <summary>
/// Shapley values of one prediction (Shapley 1953; for model explanations Štrumbelj &amp; Kononenko 2014,
/// Lundberg &amp; Lee 2017). The players are the input's features, or blocks of consecutive columns (an
/// embedding, a one-hot group); a coalition S is scored as f at the row that takes x's values on S's
/// columns and the baseline's everywhere else ("absent = baseline", the baseline Shapley value of
/// Sundararajan &amp; Najmi 2020). Player i gets its marginal contribution averaged over every order
/// in which the players could join:
/// φᵢ = Σ_{S ⊆ N∖{i}} |S|! (k − |S| − 1)! / k! · (v(S ∪ {i}) − v(S)).
/// They are the only attribution with efficiency (Σ φ = f(x) − f(baseline)), symmetry (interchangeable
/// players get the same), dummy (a player that never changes f gets 0) and additivity. For a linear
/// model φᵢ = wᵢ(xᵢ − x′ᵢ), exactly what integrated gradients give; the two differ where features
/// interact, because integrated gradients walk one straight path while Shapley averages over orders.
/// <para><see cref="Exact(Func{Tensor, Tensor}, Tensor, Tensor, IReadOnlyList{ValueTuple{string, int}}?, int)"/>
/// evaluates all 2^k coalitions (k ≤ <see cref="MaxExactPlayers"/>); <see cref="Kernel(Func{Tensor, Tensor}, Tensor, Tensor, IReadOnlyList{ValueTuple{string, int}}?, int, int, int)"/>
/// (KernelSHAP) fits them by weighted least squares on sampled coalitions for more players.
/// Both return an <see cref="Attribution"/> with one value per player and the efficiency gap as its
/// <see cref="Attribution.CompletenessGap"/> (rounding only: both satisfy efficiency by construction).</para>
/// </summary>
public static class ShapleyValues
{
    /// <summary>Most players <see cref="Exact(Func{Tensor, Tensor}, Tensor, Tensor, IReadOnlyList{ValueTuple{string, int}}?, int)"/>
    /// accepts: 2^12 = 4096 model evaluations.</summary>
    public const int MaxExactPlayers = 12;

    /// <summary>Exact Shapley values of f at <paramref name="x"/> against <paramref name="baseline"/>, all 2^k coalitions in batches.</summary>
    /// <param name="f">Rows [n, d] → one output per row ([n] or [n, 1]), rows treated independently (a model in <c>eval()</c> mode); evaluated under <c>no_grad</c>.</param>
    /// <param name="x">The input explained, [d]; its dtype and device are used.</param>
    /// <param name="baseline">The values of absent players, [d].</param>
    /// <param name="blocks">Players as consecutive column blocks (widths add up to d, each ≥ 1), e.g.
    /// [("user emb", 16), ("item emb", 16), ("genres", 19), ("gender", 1)]; null: one player per column.</param>
    /// <param name="batchSize">Coalitions per call of <paramref name="f"/>.</param>
    /// <exception cref="ArgumentException">More than <see cref="MaxExactPlayers"/> players.</exception>
    public static Attribution Exact(Func<Tensor, Tensor> f, Tensor x, Tensor baseline, IReadOnlyList<(string Name, int Width)>? blocks = null, int batchSize = 4096)
    {
        var players = TensorPlayers(f, x, baseline, blocks, batchSize, out var evaluate);
        CheckExact(players.Count);
        return ExactCore(players.Count, evaluate);
    }

    /// <summary>Exact Shapley values for a batch predictor on float rows (e.g. the <c>predict</c> of
    /// <see cref="PermutationImportance"/>): <paramref name="predict"/> maps m rows of length d to m outputs.</summary>
    /// <inheritdoc cref="Exact(Func{Tensor, Tensor}, Tensor, Tensor, IReadOnlyList{ValueTuple{string, int}}?, int)"/>
    public static Attribution Exact(Func<float[][], float[]> predict, float[] x, float[] baseline, IReadOnlyList<(string Name, int Width)>? blocks = null)
    {
        var players = ArrayPlayers(predict, x, baseline, blocks, out var evaluate);
        CheckExact(players.Count);
        return ExactCore(players.Count, evaluate);
    }

    /// <summary>
    /// KernelSHAP (Lundberg &amp; Lee 2017): the Shapley values are the solution of a weighted least-squares
    /// fit of v(S) − v(∅) ≈ Σ_{i∈S} φᵢ over coalitions S, with the Shapley kernel weight
    /// (k − 1) / (C(k, |S|) |S| (k − |S|)) and Σ φ = f(x) − f(baseline) imposed exactly. When all
    /// 2^k − 2 proper coalitions fit in <paramref name="samples"/> they are all used and the result is the
    /// exact Shapley values; otherwise <paramref name="samples"/> coalitions are drawn (sizes from the
    /// kernel, each with its complement) and the result is an estimate whose error falls as 1/√samples.
    /// </summary>
    /// <param name="samples">Coalitions to evaluate besides ∅ and N (≥ 2k).</param>
    /// <param name="seed">Seeds the coalition sampling.</param>
    /// <inheritdoc cref="Exact(Func{Tensor, Tensor}, Tensor, Tensor, IReadOnlyList{ValueTuple{string, int}}?, int)"/>
    public static Attribution Kernel(Func<Tensor, Tensor> f, Tensor x, Tensor baseline, IReadOnlyList<(string Name, int Width)>? blocks = null,
        int samples = 2048, int seed = 0, int batchSize = 4096)
    {
        var players = TensorPlayers(f, x, baseline, blocks, batchSize, out var evaluate);
        return KernelCore(players.Count, evaluate, samples, seed);
    }

    /// <summary>KernelSHAP for a batch predictor on float rows.</summary>
    /// <inheritdoc cref="Kernel(Func{Tensor, Tensor}, Tensor, Tensor, IReadOnlyList{ValueTuple{string, int}}?, int, int, int)"/>
    public static Attribution Kernel(Func<float[][], float[]> predict, float[] x, float[] baseline, IReadOnlyList<(string Name, int Width)>? blocks = null,
        int samples = 2048, int seed = 0)
    {
        var players = ArrayPlayers(predict, x, baseline, blocks, out var evaluate);
        return KernelCore(players.Count, evaluate, samples, seed);
    }

    private static void CheckExact(int k)
    {
        if (k > MaxExactPlayers)
            throw new ArgumentException(
                $"Exact Shapley values over {k} players need 2^{k} = {1L << Math.Min(k, 62)} model evaluations; at most {MaxExactPlayers} players " +
                "are allowed. Group columns into blocks (the blocks argument) or estimate with ShapleyValues.Kernel.", "blocks");
    }

    /// <summary>v(S) for every S ⊆ N as a bit mask (bit i = player i present), then the Shapley sum.</summary>
    private static Attribution ExactCore(int k, Func<IReadOnlyList<bool[]>, double[]> evaluate)
    {
        int count = 1 << k;
        var coalitions = new bool[count][];
        for (int s = 0; s < count; s++)
        {
            coalitions[s] = new bool[k];
            for (int i = 0; i < k; i++) coalitions[s][i] = (s >> i & 1) == 1;
        }
        var v = evaluate(coalitions);
        // weight[s] = s! (k − s − 1)! / k!, the probability that exactly the s players of a given S precede i.
        var weight = new double[k];
        for (int s = 0; s < k; s++) weight[s] = Math.Exp(LogFactorial(s) + LogFactorial(k - s - 1) - LogFactorial(k));
        var phi = new double[k];
        for (int i = 0; i < k; i++)
        {
            int bit = 1 << i;
            double sum = 0;
            for (int s = 0; s < count; s++)
                if ((s & bit) == 0) sum += weight[int.PopCount(s)] * (v[s | bit] - v[s]);
            phi[i] = sum;
        }
        double atX = v[count - 1], atBaseline = v[0];
        return new Attribution(phi, atX, atBaseline, phi.Sum() - (atX - atBaseline));
    }

    private static Attribution KernelCore(int k, Func<IReadOnlyList<bool[]>, double[]> evaluate, int samples, int seed)
    {
        if (samples < 2 * k) throw new ArgumentOutOfRangeException(nameof(samples), samples, $"Need at least 2k = {2 * k} coalitions for {k} players.");
        var coalitions = new List<bool[]> { new bool[k], Enumerable.Repeat(true, k).ToArray() };
        var weights = new List<double>();
        if (k == 1)
        {
            var ends = evaluate(coalitions);
            return new Attribution([ends[1] - ends[0]], ends[1], ends[0], 0);
        }
        if (k <= 30 && (1L << k) - 2 <= samples)
        {
            for (int s = 1; s < (1 << k) - 1; s++)
            {
                var c = new bool[k];
                for (int i = 0; i < k; i++) c[i] = (s >> i & 1) == 1;
                int size = int.PopCount(s);
                coalitions.Add(c);
                weights.Add((k - 1) / (Math.Exp(LogBinomial(k, size)) * size * (k - size)));
            }
        }
        else
        {
            // Sizes drawn with probability ∝ C(k, s) · kernel(s) = (k − 1) / (s (k − s)), members uniformly:
            // each sample then carries the same weight. Complements come in pairs (halves the variance).
            var sizeWeight = Enumerable.Range(1, k - 1).Select(s => 1.0 / (s * (k - s))).ToArray();
            double total = sizeWeight.Sum();
            var rng = new Random(seed);
            var order = Enumerable.Range(0, k).ToArray();
            for (int j = 0; j < samples / 2; j++)
            {
                double u = rng.NextDouble() * total;
                int size = 1;
                while (size < k - 1 && (u -= sizeWeight[size - 1]) > 0) size++;
                for (int i = 0; i < size; i++) { int swap = i + rng.Next(k - i); (order[i], order[swap]) = (order[swap], order[i]); }
                var c = new bool[k];
                for (int i = 0; i < size; i++) c[order[i]] = true;
                coalitions.Add(c);
                coalitions.Add(c.Select(b => !b).ToArray());
                weights.Add(1);
                weights.Add(1);
            }
        }
        var v = evaluate(coalitions);
        double atBaseline = v[0], atX = v[1], total0 = atX - atBaseline;
        // Efficiency imposed by substitution: φ_last = Δ − Σ_{i<last} φᵢ, so each coalition gives
        // v(S) − v(∅) − z_last Δ = Σ_{i<last} φᵢ (zᵢ − z_last), a weighted least-squares problem in k − 1 unknowns.
        int m = coalitions.Count - 2, last = k - 1;
        var design = Matrix<double>.Build.Dense(m, last);
        var target = Vector<double>.Build.Dense(m);
        for (int j = 0; j < m; j++)
        {
            var c = coalitions[j + 2];
            double root = Math.Sqrt(weights[j]), zLast = c[last] ? 1 : 0;
            for (int i = 0; i < last; i++) design[j, i] = root * ((c[i] ? 1 : 0) - zLast);
            target[j] = root * (v[j + 2] - atBaseline - zLast * total0);
        }
        var solved = design.Svd(computeVectors: true).Solve(target);
        var phi = new double[k];
        for (int i = 0; i < last; i++) phi[i] = solved[i];
        phi[last] = total0 - solved.Sum();
        return new Attribution(phi, atX, atBaseline, phi.Sum() - total0);
    }

    private static IReadOnlyList<(string Name, int Width)> Players(int d, IReadOnlyList<(string Name, int Width)>? blocks, out int[] playerOfColumn)
    {
        blocks ??= Enumerable.Range(0, d).Select(c => ($"x{c}", 1)).ToArray();
        if (blocks.Count == 0) throw new ArgumentException("No players: the input has no columns or no blocks were given.", nameof(blocks));
        int total = 0;
        foreach (var (name, width) in blocks)
        {
            if (width < 1) throw new ArgumentException($"Block '{name}' has width {width}; widths must be ≥ 1.", nameof(blocks));
            total += width;
        }
        if (total != d) throw new ArgumentException($"Block widths add up to {total}, the input has {d} columns.", nameof(blocks));
        playerOfColumn = new int[d];
        for (int p = 0, c = 0; p < blocks.Count; p++)
            for (int w = 0; w < blocks[p].Width; w++) playerOfColumn[c++] = p;
        return blocks;
    }

    private static IReadOnlyList<(string Name, int Width)> TensorPlayers(Func<Tensor, Tensor> f, Tensor x, Tensor baseline,
        IReadOnlyList<(string Name, int Width)>? blocks, int batchSize, out Func<IReadOnlyList<bool[]>, double[]> evaluate)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(baseline);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Need at least one coalition per batch.");
        Backend.Initialize();
        if (!(x.dim() == 1 || (x.dim() == 2 && x.shape[0] == 1)))
            throw new ArgumentException($"x must be one input, [d]; got [{string.Join(", ", x.shape)}].", nameof(x));
        if (!x.is_floating_point()) throw new ArgumentException($"x must be floating point; got {x.dtype}.", nameof(x));
        int d = (int)x.numel();
        if (baseline.numel() != d) throw new ArgumentException($"x has {d} values, the baseline has shape [{string.Join(", ", baseline.shape)}].", nameof(baseline));
        var players = Players(d, blocks, out var playerOfColumn);
        int k = players.Count;
        var device = x.device;
        var dtype = x.dtype;
        evaluate = coalitions =>
        {
            var values = new double[coalitions.Count];
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var start = baseline.reshape(1, d).to(dtype, device);
            var delta = x.reshape(1, d).to(dtype, device) - start;
            var columns = tensor(playerOfColumn.Select(p => (long)p).ToArray(), device: device);
            for (int first = 0; first < coalitions.Count; first += batchSize)
            {
                using var batch = NewDisposeScope();
                int count = Math.Min(batchSize, coalitions.Count - first);
                var present = new float[count * k];
                for (int j = 0; j < count; j++)
                    for (int i = 0; i < k; i++) present[j * k + i] = coalitions[first + j][i] ? 1f : 0f;
                var mask = tensor(present, [count, k], device: device).to(dtype).index_select(1, columns);
                var output = f(start + mask * delta);
                if (output is null || output.numel() != count || !(output.dim() == 1 || (output.dim() == 2 && output.shape[1] == 1)))
                    throw new InvalidOperationException($"The function maps {count} rows to shape [{string.Join(", ", output?.shape ?? [])}]; it must return one value per row.");
                output.reshape(count).to(ScalarType.Float64).cpu().data<double>().CopyTo(values, first);
            }
            return values;
        };
        return players;
    }

    private static IReadOnlyList<(string Name, int Width)> ArrayPlayers(Func<float[][], float[]> predict, float[] x, float[] baseline,
        IReadOnlyList<(string Name, int Width)>? blocks, out Func<IReadOnlyList<bool[]>, double[]> evaluate)
    {
        ArgumentNullException.ThrowIfNull(predict);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(baseline);
        if (x.Length != baseline.Length) throw new ArgumentException($"x has {x.Length} features, baseline has {baseline.Length}.", nameof(baseline));
        var players = Players(x.Length, blocks, out var playerOfColumn);
        evaluate = coalitions =>
        {
            var rows = coalitions.Select(c =>
            {
                var row = new float[x.Length];
                for (int col = 0; col < row.Length; col++) row[col] = c[playerOfColumn[col]] ? x[col] : baseline[col];
                return row;
            }).ToArray();
            var p = predict(rows);
            if (p is null || p.Length != rows.Length) throw new InvalidOperationException($"The model returned {p?.Length ?? 0} predictions for {rows.Length} rows.");
            return Array.ConvertAll(p, v => (double)v);
        };
        return players;
    }

    private static double LogFactorial(int n) => MathNet.Numerics.SpecialFunctions.FactorialLn(n);

    private static double LogBinomial(int n, int k) => MathNet.Numerics.SpecialFunctions.BinomialLn(n, k);
}
