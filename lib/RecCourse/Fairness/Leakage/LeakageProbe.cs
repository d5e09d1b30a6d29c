using MathNet.Numerics.Statistics;
using RecCourse.Metrics;

namespace RecCourse.Fairness.Leakage;

/// <summary>
/// Sensitive-attribute leakage probe: an L2 logistic regression predicts a binary attribute (e.g.
/// gender) from each user's embedding, scored by stratified k-fold cross-validated ROC AUC. Features
/// are standardised with the training fold's mean and standard deviation only, so no information
/// from the held-out fold leaks into the probe.
/// <para>To measure a mitigation, pass it as <c>mitigation</c>: it is fitted on each training fold and
/// its directions are projected out of that fold's held-out rows too. Fitting a projection on all
/// rows and then cross-validating is biased: removing the full-sample mean difference forces each
/// held-out fold's residual difference to be the opposite of its training folds', and the probe
/// then scores systematically below 0.5 (an artefact, not leakage).</para>
/// </summary>
public static class LeakageProbe
{
    /// <summary>Runs the probe on rows <paramref name="embeddings"/> (n × d) and labels <paramref name="attribute"/> (length n).</summary>
    /// <param name="folds">k ≥ 2; each class needs at least k rows.</param>
    /// <param name="l2">Penalty of the logistic regression (on standardised features).</param>
    /// <param name="seed">Seeds the fold assignment.</param>
    /// <param name="mitigation">Optional: fitted on each training fold (e.g. <see cref="AttributeProjection.MeanDifference"/>
    /// or <see cref="AdversarialCensoring.Fit"/>); the probe then trains on its output and tests on the
    /// held-out rows passed through the same fitted transform.</param>
    public static ProbeResult Run(double[][] embeddings, bool[] attribute, int folds = 5, double l2 = 1.0, int seed = 0,
        Func<double[][], bool[], IEmbeddingTransform>? mitigation = null)
    {
        int d = EmbeddingRows.Validate(embeddings, attribute);
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "Need at least 2 folds.");
        int positives = attribute.Count(a => a), negatives = attribute.Length - positives;
        if (positives < folds || negatives < folds)
            throw new ArgumentException($"Each class needs at least {folds} rows for {folds}-fold CV; got {positives} true and {negatives} false.", nameof(attribute));

        int[] fold = StratifiedFolds(attribute, folds, seed);
        var aucs = new double[folds];
        for (int f = 0; f < folds; f++)
        {
            var trainRows = Enumerable.Range(0, attribute.Length).Where(r => fold[r] != f).ToArray();
            var testRows = Enumerable.Range(0, attribute.Length).Where(r => fold[r] == f).ToArray();
            var trainRaw = trainRows.Select(r => embeddings[r]).ToArray();
            var testRaw = testRows.Select(r => embeddings[r]).ToArray();
            var trainY = trainRows.Select(r => attribute[r]).ToArray();
            if (mitigation is not null)
            {
                var fitted = mitigation(trainRaw, trainY);
                try
                {
                    trainRaw = fitted.Apply(trainRaw);
                    testRaw = fitted.Apply(testRaw);
                }
                finally
                {
                    // A trained encoder holds native memory: free it fold by fold.
                    (fitted as IDisposable)?.Dispose();
                }
            }
            var (mean, scale) = Standardiser(trainRaw, d);
            var model = LogisticRegression.Fit(trainRaw.Select(row => Standardise(row, mean, scale)).ToArray(), trainY, l2);
            var scores = testRaw.Select(row => (float)model.Decision(Standardise(row, mean, scale))).ToArray();
            aucs[f] = RankingMetrics.Auc(scores, testRows.Select(r => attribute[r]).ToArray());
        }
        return new ProbeResult(aucs.Average(), aucs.StandardDeviation(), aucs, attribute.Length, positives);
    }

    /// <inheritdoc cref="Run(double[][], bool[], int, double, int, Func{double[][], bool[], IEmbeddingTransform})"/>
    public static ProbeResult Run(float[,] embeddings, bool[] attribute, int folds = 5, double l2 = 1.0, int seed = 0,
        Func<double[][], bool[], IEmbeddingTransform>? mitigation = null)
        => Run(EmbeddingRows.From(embeddings), attribute, folds, l2, seed, mitigation);

    /// <inheritdoc cref="Run(double[][], bool[], int, double, int, Func{double[][], bool[], IEmbeddingTransform})"/>
    public static ProbeResult Run(float[][] embeddings, bool[] attribute, int folds = 5, double l2 = 1.0, int seed = 0,
        Func<double[][], bool[], IEmbeddingTransform>? mitigation = null)
        => Run(EmbeddingRows.From(embeddings), attribute, folds, l2, seed, mitigation);

    /// <summary>Fold index of each row; each class is shuffled and dealt round-robin so folds keep the class ratio.</summary>
    internal static int[] StratifiedFolds(bool[] labels, int folds, int seed)
    {
        var rng = new Random(seed);
        var fold = new int[labels.Length];
        foreach (bool cls in new[] { true, false })
        {
            var rows = Enumerable.Range(0, labels.Length).Where(r => labels[r] == cls).ToArray();
            rng.Shuffle(rows);
            for (int k = 0; k < rows.Length; k++) fold[rows[k]] = k % folds;
        }
        return fold;
    }

    private static (double[] Mean, double[] Scale) Standardiser(double[][] x, int d)
    {
        var mean = new double[d];
        var scale = new double[d];
        for (int c = 0; c < d; c++)
        {
            var column = x.Select(row => row[c]).ToArray();
            mean[c] = column.Mean();
            double sd = column.PopulationStandardDeviation();
            // A constant column (e.g. one projected out) carries no information: leave it at zero.
            scale[c] = sd > 1e-12 ? 1 / sd : 0;
        }
        return (mean, scale);
    }

    private static double[] Standardise(double[] row, double[] mean, double[] scale)
    {
        var z = new double[row.Length];
        for (int c = 0; c < row.Length; c++) z[c] = (row[c] - mean[c]) * scale[c];
        return z;
    }
}
