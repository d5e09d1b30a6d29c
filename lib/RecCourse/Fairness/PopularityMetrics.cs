namespace RecCourse.Fairness;

/// <summary>Popularity-bias measures of a set of top-K lists.</summary>
/// <param name="Arp">Average recommendation popularity: mean over users of the mean training rating count of their listed items.</param>
/// <param name="Aplt">Average percentage of long tail: mean over users of the share of their list in the long tail, in [0, 1].</param>
/// <param name="Gini">Gini coefficient of how often each catalogue item is recommended, in [0, 1]: 0 = every item equally often.</param>
/// <param name="Coverage">Share of the catalogue recommended to at least one user (aggregate diversity), in [0, 1].</param>
public sealed record PopularityMetrics(double Arp, double Aplt, double Gini, double Coverage);
