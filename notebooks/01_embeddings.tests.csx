// Hidden tests of 01_embeddings.ipynb: run by `reccourse grade` after the student's cells, in their state.
// Every reference answer is computed here, from the definitions in the lesson, never by the library
// member that solves the exercise (those are listed under each section as "forbidden").
var hiddenRng = new Random(20261122);
float[] HiddenVector(int n) => Enumerable.Range(0, n).Select(_ => (float)(hiddenRng.NextDouble() * 2 - 1)).ToArray();
static double HiddenCosine(float[] a, float[] b)
{
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.Length; i++) { dot += (double)a[i] * b[i]; na += (double)a[i] * a[i]; nb += (double)b[i] * b[i]; }
    return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
}
static float[] HiddenRow(float[] m, int dim, int r) => m.AsSpan(r * dim, dim).ToArray();
static string HiddenKNearest(float[] m, int dim, int query, int k) =>
    string.Join(",", Enumerable.Range(0, m.Length / dim).Where(i => i != query)
        .Select(i => (i, s: HiddenCosine(HiddenRow(m, dim, query), HiddenRow(m, dim, i)))).OrderByDescending(p => p.s).ThenBy(p => p.i).Take(k).Select(p => p.i));
static int[] HiddenEuclideanNeighbours(float[] m, int dim, int p, int k)
{
    double D(int o) { double s = 0; for (int c = 0; c < dim; c++) { double d = (double)m[p * dim + c] - m[o * dim + c]; s += d * d; } return s; }
    return Enumerable.Range(0, m.Length / dim).Where(o => o != p).Select(o => (o, d: D(o))).OrderBy(x => x.d).ThenBy(x => x.o).Take(k).Select(x => x.o).ToArray();
}
static double HiddenPreservation(float[] high, int highDim, float[] low, int lowDim, int k)
{
    int n = high.Length / highDim;
    return Enumerable.Range(0, n).Average(p => HiddenEuclideanNeighbours(high, highDim, p, k).Intersect(HiddenEuclideanNeighbours(low, lowDim, p, k)).Count() / (double)k);
}
static bool HiddenThrows<T>(Action a) where T : Exception { try { a(); return false; } catch (T) { return true; } catch { return false; } }

//# Exercise 1.1
// forbidden: RecCourse.Embeddings.OneHot.Encode
foreach (var (index, size) in new[] { (0, 1), (0, 7), (6, 7), (1681, 1682) })
{
    var v = OneHotVector(index, size);
    Check.That("1.1", v.Length == size && v[index] == 1f && v.Count(t => t != 0f) == 1, $"OneHotVector({index}, {size}) has length {size}, one 1 at {index}");
}
Check.That("1.1", HiddenThrows<ArgumentOutOfRangeException>(() => OneHotVector(5, 5)) && HiddenThrows<ArgumentOutOfRangeException>(() => OneHotVector(-1, 5)),
    "OneHotVector(5, 5) and OneHotVector(-1, 5) throw ArgumentOutOfRangeException");

//# Exercise 1.2
// forbidden: RecCourse.Embeddings.Similarity.Cosine, System.Numerics.Tensors.TensorPrimitives.CosineSimilarity, System.Numerics.Tensors.TensorPrimitives.Dot
for (int t = 0; t < 5; t++)
{
    var (a, b) = (HiddenVector(3 + 17 * t), HiddenVector(3 + 17 * t));
    Check.Close("1.2", HiddenCosine(a, b), CosineSimilarity(a, b), 1e-9, $"random vectors of length {a.Length}");
}
Check.Close("1.2", 1, CosineSimilarity([2f, 4f, -1f], [6f, 12f, -3f]), 1e-9, "parallel vectors of different length");
Check.Close("1.2", -1, CosineSimilarity([1f, -2f], [-3f, 6f]), 1e-9, "opposite vectors");
Check.Close("1.2", 0, CosineSimilarity([0f, 0f, 0f], [1f, 2f, 3f]), 0, "a zero vector gives 0");
Check.Close("1.2", 0, CosineSimilarity([1f, 2f], [0f, 0f]), 0, "a zero vector gives 0, either side");
Check.Close("1.2", HiddenCosine([1e-20f, 3e-20f], [2e-20f, -1e-20f]), CosineSimilarity([1e-20f, 3e-20f], [2e-20f, -1e-20f]), 1e-9, "tiny values: accumulate in double");

//# Exercise 1.3 (2 points)
// forbidden: RecCourse.Embeddings.Similarity.NearestNeighbours
{
    var points = HiddenVector(60 * 5);     // 60 rows of dim 5
    foreach (var (query, kk) in new[] { (0, 7), (59, 3), (31, 1), (12, 0) })
        Check.Equal("1.3", HiddenKNearest(points, 5, query, kk), string.Join(",", KNearest(points, 5, query, kk)), $"{kk} nearest of row {query} of 60 random rows");
    Check.Equal("1.3", 2, KNearest([1f, 0f, 0f, 1f, 1f, 1f], 2, 1, 10).Length, "k larger than the other rows gives all other rows");
    // Ties: rows pointing the same way as the query, before and after it, in two arrangements.
    float[] ties = [1f, 0f, 2f, 0f, 0f, 1f, 5f, 0f, 3f, 0f];
    Check.Equal("1.3", "0,3,4,2", string.Join(",", KNearest(ties, 2, 1, 4)), "three exact ties (cosine 1) around the query, lower index first");
    Check.Equal("1.3", "0,1,4,2", string.Join(",", KNearest(ties, 2, 3, 4)), "the same ties with the query further right");
    float[] reversed = [3f, 0f, 5f, 0f, 0f, 1f, 2f, 0f, 1f, 0f];
    Check.Equal("1.3", "0,1,4", string.Join(",", KNearest(reversed, 2, 3, 3)), "the same ties in reverse order of length");
    Check.Equal("1.3", "3,1,2", string.Join(",", KNearest([1f, 1f, 0f, 0f, -1f, -1f, 1f, 0f], 2, 0, 3)), "a zero row scores 0: after positive, before negative cosines");
    Check.That("1.3", HiddenThrows<ArgumentOutOfRangeException>(() => KNearest(points, 5, 60, 3)) && HiddenThrows<ArgumentOutOfRangeException>(() => KNearest(points, 5, -1, 3)),
        "a query that is not a row throws ArgumentOutOfRangeException");
    Check.That("1.3", HiddenThrows<ArgumentOutOfRangeException>(() => KNearest(points, 5, 0, -1)), "k < 0 throws ArgumentOutOfRangeException");
    var query2 = mostRated[7];
    Check.Equal("1.3", HiddenKNearest(itemVectors, factors, query2, 8), string.Join(",", KNearest(itemVectors, factors, query2, 8)), "8 nearest of another item of the learned embedding");
}

//# Exercise 1.4 (2 points)
// forbidden: RecCourse.Embeddings.EmbeddingQuality.NeighbourPreservation, RecCourse.Embeddings.Similarity.NearestNeighbours
{
    var high = HiddenVector(50 * 7);       // 50 points in 7-D
    var low = HiddenVector(50 * 2);        // an unrelated 2-D map
    float[] close = [.. Enumerable.Range(0, 50).SelectMany(p => new[] { high[p * 7] + 0.05f * MathF.Sin(p), high[p * 7 + 1] - 0.05f * MathF.Cos(p) })];   // a map that follows 2 of the 7 coordinates
    foreach (int kk in new[] { 1, 3, 10 })
    {
        Check.Close("1.4", HiddenPreservation(high, 7, low, 2, kk), NeighbourPreservation(high, 7, low, 2, kk), 1e-12, $"random 2-D map of 50 points, k = {kk}");
        Check.Close("1.4", HiddenPreservation(high, 7, close, 2, kk), NeighbourPreservation(high, 7, close, 2, kk), 1e-12, $"a map keeping 2 of 7 coordinates, k = {kk}");
        Check.Close("1.4", 1, NeighbourPreservation(high, 7, high, 7, kk), 1e-12, $"the data as its own map, k = {kk}");
    }
    Check.Close("1.4", 1, NeighbourPreservation(high, 7, low, 2, 49), 1e-12, "k = n − 1: every other point is a neighbour on any map");
    Check.Close("1.4", HiddenPreservation(high, 7, low.Take(50).ToArray(), 1, 4), NeighbourPreservation(high, 7, low.Take(50).ToArray(), 1, 4), 1e-12, "a 1-D map");
    // Ties on the map: every point at the origin, then evenly spaced on a line (left and right neighbours tie), both directions.
    var allSame = new float[50 * 2];
    float[] line = [.. Enumerable.Range(0, 50).Select(i => (float)i)], lineReversed = [.. Enumerable.Range(0, 50).Select(i => (float)(49 - i))];
    foreach (var (map, dim, what) in new[] { (allSame, 2, "all points at the origin"), (line, 1, "evenly spaced on a line"), (lineReversed, 1, "evenly spaced on a line, reversed") })
        foreach (int kk in new[] { 1, 4 })
            Check.Close("1.4", HiddenPreservation(high, 7, map, dim, kk), NeighbourPreservation(high, 7, map, dim, kk), 1e-12, $"ties on the map ({what}), k = {kk}: lower index first");
    float[] grid = [0, 0, 1, 0, 0, 1, 1, 1, 2, 0, 2, 1];   // six points on a 3 × 2 grid: many equal distances in the data too
    float[] gridMap = [5, 4, 3, 2, 1, 0];
    Check.Close("1.4", HiddenPreservation(grid, 2, gridMap, 1, 2), NeighbourPreservation(grid, 2, gridMap, 1, 2), 1e-12, "ties in the data");
    Check.That("1.4", HiddenThrows<ArgumentException>(() => NeighbourPreservation(high, 7, low.Take(98).ToArray(), 2, 3)), "high and low with different numbers of points throw ArgumentException");
    Check.That("1.4", HiddenThrows<ArgumentOutOfRangeException>(() => NeighbourPreservation(high, 7, low, 2, 0)) && HiddenThrows<ArgumentOutOfRangeException>(() => NeighbourPreservation(high, 7, low, 2, 50)),
        "k = 0 and k = n throw ArgumentOutOfRangeException");
}
