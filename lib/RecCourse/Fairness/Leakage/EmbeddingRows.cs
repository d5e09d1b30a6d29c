namespace RecCourse.Fairness.Leakage;

/// <summary>Converts the embedding shapes models hand out (float[,], float[][]) to float64 rows for the probes.</summary>
public static class EmbeddingRows
{
    /// <summary>Row r of the result is row r of <paramref name="matrix"/> (n × d), widened to float64.</summary>
    public static double[][] From(float[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.GetLength(0), d = matrix.GetLength(1);
        var rows = new double[n][];
        for (int r = 0; r < n; r++)
        {
            rows[r] = new double[d];
            for (int c = 0; c < d; c++) rows[r][c] = matrix[r, c];
        }
        return rows;
    }

    /// <summary>Widens jagged rows to float64; every row must have the same length.</summary>
    public static double[][] From(float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new double[rows.Length][];
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != rows[0].Length)
                throw new ArgumentException($"Row {r} has {rows[r].Length} values, row 0 has {rows[0].Length}.", nameof(rows));
            result[r] = Array.ConvertAll(rows[r], v => (double)v);
        }
        return result;
    }

    /// <summary>Checks that <paramref name="x"/> is a non-empty rectangle and labels align; returns d.</summary>
    internal static int Validate(double[][] x, bool[] labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (x.Length != labels.Length) throw new ArgumentException($"{x.Length} embedding rows but {labels.Length} attribute labels.", nameof(labels));
        if (x.Length == 0) throw new ArgumentException("No embedding rows.", nameof(x));
        int d = x[0].Length;
        for (int r = 0; r < x.Length; r++)
            if (x[r].Length != d) throw new ArgumentException($"Embedding row {r} has {x[r].Length} values, row 0 has {d}.", nameof(x));
        return d;
    }
}
