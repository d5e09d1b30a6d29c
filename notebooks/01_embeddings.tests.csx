// Hidden tests of 01_embeddings.ipynb: run by `reccourse grade` after the student's cells, in their state.
var hiddenRng = new Random(20261122);
float[] HiddenVector(int n) => Enumerable.Range(0, n).Select(_ => (float)(hiddenRng.NextDouble() * 2 - 1)).ToArray();
double ReferenceCosine(float[] a, float[] b)
{
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.Length; i++) { dot += (double)a[i] * b[i]; na += (double)a[i] * a[i]; nb += (double)b[i] * b[i]; }
    return dot / Math.Sqrt(na * nb);
}

//# Exercise 1.1
foreach (var (index, size) in new[] { (0, 1), (0, 7), (6, 7), (1681, 1682) })
{
    var v = OneHotVector(index, size);
    Check.That("1.1", v.Length == size && v[index] == 1f && v.Count(t => t != 0f) == 1, $"OneHotVector({index}, {size}) has length {size}, one 1 at {index}");
}
Check.That("1.1", Throws(() => OneHotVector(5, 5)) && Throws(() => OneHotVector(-1, 5)), "OneHotVector(5, 5) and OneHotVector(-1, 5) throw ArgumentOutOfRangeException");
bool Throws(Action a) { try { a(); return false; } catch (ArgumentOutOfRangeException) { return true; } catch { return false; } }

//# Exercise 1.2
for (int t = 0; t < 5; t++)
{
    var (a, b) = (HiddenVector(3 + 17 * t), HiddenVector(3 + 17 * t));
    Check.Close("1.2", ReferenceCosine(a, b), CosineSimilarity(a, b), 1e-9, $"random vectors of length {a.Length}");
}
Check.Close("1.2", 1, CosineSimilarity([2f, 4f, -1f], [6f, 12f, -3f]), 1e-9, "parallel vectors of different length");
Check.Close("1.2", -1, CosineSimilarity([1f, -2f], [-3f, 6f]), 1e-9, "opposite vectors");
Check.Close("1.2", 0, CosineSimilarity([0f, 0f, 0f], [1f, 2f, 3f]), 0, "a zero vector gives 0");

//# Exercise 1.3 (2 points)
{
    var points = HiddenVector(60 * 5);     // 60 rows of dim 5
    foreach (var (query, kk) in new[] { (0, 7), (59, 3), (31, 1) })
    {
        var expected = Enumerable.Range(0, 60).Where(i => i != query)
            .OrderByDescending(i => ReferenceCosine(points[(query * 5)..(query * 5 + 5)], points[(i * 5)..(i * 5 + 5)])).ThenBy(i => i)
            .Take(kk);
        Check.Equal("1.3", string.Join(",", expected), string.Join(",", KNearest(points, 5, query, kk)), $"{kk} nearest of row {query} of random data");
    }
    Check.Equal("1.3", 2, KNearest([1f, 0f, 0f, 1f, 1f, 1f], 2, 1, 10).Length, "k larger than the other rows gives all other rows");
    Check.Equal("1.3", "1, 2", string.Join(", ", KNearest([1f, 0f, 2f, 0f, 3f, 0f, 0f, 1f], 2, 0, 2)), "ties (same direction) go to the lower index");
    var query2 = mostRated[7];
    Check.Equal("1.3", string.Join(",", Similarity.NearestNeighbours(itemVectors, factors, query2, 8).Select(n => n.Index)),
        string.Join(",", KNearest(itemVectors, factors, query2, 8)), "8 nearest of another item");
}

//# Exercise 1.4 (2 points)
{
    var options = ChooseTsneOptions();
    Check.That("1.4", options.Perplexity is >= 5 and <= 50 && options.Iterations <= 1000 && options.Dimensions == 2,
        $"2-D map, perplexity {options.Perplexity} in [5, 50], {options.Iterations} ≤ 1000 iterations");
    // Other items than in the notebook: the next 300 most-rated ones.
    var others = mostRated.Skip(mapItems).Take(300).ToArray();
    var otherVectors = others.SelectMany(i => itemVectors.AsSpan(i * factors, factors).ToArray()).ToArray();
    var map = Tsne.Fit(otherVectors, factors, options);
    Check.AtLeast("1.4", EmbeddingQuality.NeighbourPreservation(otherVectors, factors, map.Embedding, 2, 10), 0.15,
        "neighbour preservation at k = 10 on 300 other items");
}
