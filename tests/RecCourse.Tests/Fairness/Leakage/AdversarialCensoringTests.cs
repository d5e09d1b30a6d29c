using RecCourse.Fairness.Leakage;
using RecCourse.Tests.TestSupport;

namespace RecCourse.Tests.Fairness.Leakage;

public class AdversarialCensoringTests
{
    [Fact]
    public void Censoring_LowersProbeAuc_OnPlantedDirection()
    {
        var (x, a, _) = PlantedEmbeddings.Make(300, 8, shift: 2.0, seed: 8);
        var before = LeakageProbe.Run(x, a, seed: 0);
        var censored = AdversarialCensoring.Fit(x, a);
        var after = LeakageProbe.Run(censored.Embeddings, a, seed: 0);
        Assert.True(before.Auc > 0.85, $"before {before.Auc}");
        Assert.True(after.Auc < 0.7, $"after {after.Auc}");
        Assert.Equal(x.Length, censored.Embeddings.Length);
        // The code still carries most of the embedding: reconstruction error of standardised input well below 1.
        Assert.True(censored.ReconstructionMse < 0.5, $"reconstruction MSE {censored.ReconstructionMse}");
    }

    [Fact]
    public void ZeroWeight_KeepsIdentityCode_AndLeakage()
    {
        // With β = 0 only reconstruction matters, and the identity start is already optimal.
        var (x, a, _) = PlantedEmbeddings.Make(200, 6, shift: 2.0, seed: 9);
        var censored = AdversarialCensoring.Fit(x, a, new AdversarialCensoringOptions { AdversaryWeight = 0, Epochs = 50 });
        Assert.True(censored.ReconstructionMse < 1e-3, $"reconstruction MSE {censored.ReconstructionMse}");
        Assert.True(LeakageProbe.Run(censored.Embeddings, a).Auc > 0.85);
    }

    [Fact]
    public void SameSeed_SameCode()
    {
        var (x, a, _) = PlantedEmbeddings.Make(100, 4, shift: 1.0, seed: 10);
        var o = new AdversarialCensoringOptions { Epochs = 30 };
        var first = AdversarialCensoring.Fit(x, a, o).Embeddings;
        var second = AdversarialCensoring.Fit(x, a, o).Embeddings;
        for (int r = 0; r < first.Length; r++)
            for (int c = 0; c < first[r].Length; c++) Approx.AssertClose(first[r][c], second[r][c], 0, 0, $"z[{r},{c}]");
    }
}
