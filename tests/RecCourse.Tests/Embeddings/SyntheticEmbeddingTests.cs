using RecCourse.Data;
using RecCourse.Embeddings;
using RecCourse.Models;
using Xunit.Abstractions;

namespace RecCourse.Tests.Embeddings;

/// <summary>Item embeddings learned on the synthetic set should reflect the genre structure planted in its item factors.</summary>
public class SyntheticEmbeddingTests(ITestOutputHelper output)
{
    [Fact]
    public void LearnedItemEmbeddingsGroupItemsByPlantedGenre()
    {
        var data = SyntheticMovieLens.Generate(42);
        var truth = data.Truth!;
        var als = new ExplicitAls(data.NumUsers, data.NumItems, new AlsOptions { Factors = 8, Lambda = 0.1, Biases = true, Iterations = 8, Threads = 2 }).Fit(data.Ratings);

        // Single-genre items with at least 40 ratings, so their embeddings are estimated, not just shrunk to 0.
        var counts = new int[data.NumItems];
        foreach (int i in data.Ratings.Items) counts[i]++;
        var items = Enumerable.Range(0, data.NumItems).Where(i => truth.ItemGenres[i].Length == 1 && counts[i] >= 40).ToArray();
        var labels = items.Select(i => truth.ItemGenres[i][0]).ToArray();
        var learned = items.SelectMany(i => als.ItemFactors.AsSpan(i * 8, 8).ToArray().Select(v => (float)v)).ToArray();
        var planted = items.SelectMany(i => truth.ItemFactors[i].Select(v => (float)v)).ToArray();

        double chance = labels.GroupBy(l => l).Sum(g => Math.Pow(g.Count() / (double)labels.Length, 2));
        double agreement = EmbeddingQuality.KnnLabelAgreement(learned, 8, labels, 10);
        double plantedAgreement = EmbeddingQuality.KnnLabelAgreement(planted, 8, labels, 10);
        double preserved = EmbeddingQuality.NeighbourPreservation(planted, 8, learned, 8, 10);
        output.WriteLine($"{items.Length} items, {labels.Distinct().Count()} genres: 10-NN genre agreement learned {agreement:F3}, planted {plantedAgreement:F3}, chance {chance:F3}; planted-neighbour preservation {preserved:F3} (random ≈ {10.0 / (items.Length - 1):F3})");
        Assert.True(agreement > chance + 0.1, $"agreement {agreement:F3} vs chance {chance:F3}");
        Assert.True(preserved > 5 * 10.0 / (items.Length - 1), $"preservation {preserved:F3}");
    }
}
