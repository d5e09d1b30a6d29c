namespace RecCourse.Fairness.Leakage;

/// <summary>ROC AUC of scores against binary labels (ties count one half). Stand-in until the Metrics AUC lands.</summary>
internal static class BinaryAuc
{
    public static double Compute(double[] scores, bool[] labels)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        double rankSumPos = 0; int pos = 0;
        for (int a = 0; a < order.Length;)
        {
            int b = a;
            while (b + 1 < order.Length && scores[order[b + 1]] == scores[order[a]]) b++;
            double midRank = (a + b) / 2.0 + 1;
            for (int k = a; k <= b; k++) if (labels[order[k]]) { rankSumPos += midRank; pos++; }
            a = b + 1;
        }
        int neg = scores.Length - pos;
        if (pos == 0 || neg == 0) return double.NaN;
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double)pos * neg);
    }
}
