namespace RecCourse.Fairness;

/// <summary>How much of the recommendation exposure an item group receives, against its share of the catalogue.</summary>
/// <param name="ItemGroup">e.g. "long tail", "Romance".</param>
/// <param name="CatalogItems">Items of the catalogue in the group.</param>
/// <param name="CatalogShare">CatalogItems / catalogue size: the exposure share a popularity-blind uniform recommender would give.</param>
/// <param name="ExposureShare">Fraction of all recommended slots (users × K) holding a group item.</param>
/// <param name="WeightedExposureShare">The same with slot r (1-based) weighted by 1 / log2(r + 1), the DCG discount: top slots count more.</param>
public sealed record ExposureRow(string ItemGroup, int CatalogItems, double CatalogShare, double ExposureShare, double WeightedExposureShare);
