namespace RecCourse.Fairness;

/// <summary>Stand-in ARP / APLT / Gini / coverage until the Metrics land.</summary>
internal static class PopularityMeasures
{
    public static PopularityMetrics Compute(int[][] lists, ItemPopularity popularity)
    {
        double arp = 0, aplt = 0; int users = 0;
        var freq = new double[popularity.NumItems];
        foreach (var list in lists)
        {
            if (list.Length == 0) continue;
            users++;
            arp += list.Average(i => (double)popularity.Counts[i]);
            aplt += list.Count(i => popularity.IsLongTail[i]) / (double)list.Length;
            foreach (int i in list) freq[i]++;
        }
        return new PopularityMetrics(users > 0 ? arp / users : 0, users > 0 ? aplt / users : 0,
            Concentration.Gini(freq), freq.Count(f => f > 0) / (double)popularity.NumItems);
    }
}
