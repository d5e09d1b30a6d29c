using RecCourse.Fairness.Leakage;
using RecCourse.Tests.TestSupport;
using RecCourse.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace RecCourse.Tests.Fairness.Leakage;

public class AdversarialCensoringTests
{
    public AdversarialCensoringTests() => Backend.Initialize();

    [Fact]
    public void Censoring_LowersProbeAuc_OnPlantedDirection()
    {
        var (x, a, _) = PlantedEmbeddings.Make(300, 8, shift: 2.0, seed: 8);
        var before = LeakageProbe.Run(x, a, seed: 0);
        using var censored = AdversarialCensoring.Fit(x, a);
        var after = LeakageProbe.Run(censored.Embeddings, a, seed: 0);
        Assert.True(before.Auc > 0.85, $"before {before.Auc}");
        Assert.True(after.Auc < 0.7, $"after {after.Auc}");
        Assert.Equal(x.Length, censored.Embeddings.Length);
        // The code still carries most of the embedding: reconstruction error of standardised input well below 1.
        Assert.True(censored.ReconstructionMse < 0.5, $"reconstruction MSE {censored.ReconstructionMse}");
        // The adversary was confused toward chance (ln 2 ≈ 0.693 for balanced groups; these are 40 % true).
        Assert.True(censored.AdversaryLoss > 0.6, $"adversary loss {censored.AdversaryLoss}");
    }

    [Fact]
    public void InFoldCensoring_LowersHeldOutProbeAuc()
    {
        // Fitted inside each training fold and applied to the held-out rows: what the lesson reports.
        // Held-out leakage falls less than in-sample leakage (the class remarks), but clearly.
        var (x, a, _) = PlantedEmbeddings.Make(400, 8, shift: 2.0, seed: 12);
        var before = LeakageProbe.Run(x, a, seed: 0);
        var after = LeakageProbe.Run(x, a, seed: 0, mitigation: (xs, ys) => AdversarialCensoring.Fit(xs, ys, new AdversarialCensoringOptions { Epochs = 200 }));
        Assert.True(before.Auc > 0.85, $"before {before.Auc}");
        Assert.True(after.Auc < before.Auc - 0.12, $"before {before.Auc}, after {after.Auc}");
    }

    [Fact]
    public void ZeroWeight_KeepsIdentityCode_AndLeakage()
    {
        // With β = 0 only reconstruction matters, and the identity start is already optimal.
        var (x, a, _) = PlantedEmbeddings.Make(200, 6, shift: 2.0, seed: 9);
        using var censored = AdversarialCensoring.Fit(x, a, new AdversarialCensoringOptions { AdversaryWeight = 0, Epochs = 50 });
        Assert.True(censored.ReconstructionMse < 1e-3, $"reconstruction MSE {censored.ReconstructionMse}");
        Assert.True(LeakageProbe.Run(censored.Embeddings, a).Auc > 0.85);
    }

    [Fact]
    public void SameSeed_SameCode_AndGlobalGeneratorUntouched()
    {
        var (x, a, _) = PlantedEmbeddings.Make(100, 4, shift: 1.0, seed: 10);
        var o = new AdversarialCensoringOptions { Epochs = 30 };
        manual_seed(123);
        using var first = AdversarialCensoring.Fit(x, a, o);
        double drawnAfterFit = rand(1).item<float>();
        manual_seed(123);
        double drawnWithoutFit = rand(1).item<float>();
        Assert.Equal(drawnWithoutFit, drawnAfterFit);
        using var second = AdversarialCensoring.Fit(x, a, o);
        for (int r = 0; r < first.Embeddings.Length; r++)
            for (int c = 0; c < first.Embeddings[r].Length; c++) Approx.AssertClose(first.Embeddings[r][c], second.Embeddings[r][c], 0, 0, $"z[{r},{c}]");
        // A different seed starts the adversary elsewhere and ends elsewhere.
        using var other = AdversarialCensoring.Fit(x, a, o with { Seed = 1 });
        Assert.NotEqual(first.Embeddings[0][0], other.Embeddings[0][0]);
    }

    [Fact]
    public void Apply_ToTrainingRows_GivesEmbeddings_AndChecksWidth()
    {
        var (x, a, _) = PlantedEmbeddings.Make(80, 5, shift: 1.0, seed: 11);
        using var censored = AdversarialCensoring.Fit(x, a, new AdversarialCensoringOptions { Epochs = 20 });
        var again = censored.Apply(x);
        for (int r = 0; r < x.Length; r++)
            Approx.AssertClose(censored.Embeddings[r], again[r], 0, 0, $"row {r}");
        var ex = Assert.Throws<ArgumentException>(() => censored.Apply([new double[4]]));
        Assert.Contains("expects 5", ex.Message);
        Assert.Empty(censored.Apply([]));
    }

    [Fact]
    public void CustomAdversary_IsUsed_AndAWrongShapeIsReported()
    {
        var (x, a, _) = PlantedEmbeddings.Make(120, 6, shift: 2.0, seed: 13);
        int built = 0;
        using var censored = AdversarialCensoring.Fit(x, a, new AdversarialCensoringOptions
        {
            Epochs = 20,
            Adversary = d => { built++; return new CensoringAdversary(d, hidden: 4); },
        });
        Assert.Equal(1, built);
        Assert.Equal(4 * 6 + 4 + 4 + 1, censored.Adversary.parameters().Sum(p => p.numel()));

        var ex = Assert.Throws<InvalidOperationException>(() => AdversarialCensoring.Fit(x, a, new AdversarialCensoringOptions
        {
            Epochs = 1,
            Adversary = d => nn.Linear(d, 1),   // forgets to squeeze: [n, 1]
        }));
        Assert.Contains("[120, 1]", ex.Message);
    }

    [Fact]
    public void BadOptions_AndInputs_Throw()
    {
        var (x, a, _) = PlantedEmbeddings.Make(20, 3, shift: 1.0, seed: 14);
        Assert.Throws<ArgumentOutOfRangeException>(() => AdversarialCensoring.Fit(x, a, new AdversarialCensoringOptions { Epochs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdversarialCensoring.Fit(x, a, new AdversarialCensoringOptions { LearningRate = 0 }));
        Assert.Throws<ArgumentException>(() => AdversarialCensoring.Fit(x, a[..10]));
    }

    [Fact]
    public void CoderLoss_MatchesHandFormula_AndFiniteDifferences()
    {
        // Float64 modules away from their identity start, so every parameter has a non-trivial gradient.
        manual_seed(3);
        using var autoencoder = new CensoringAutoencoder(3, dtype: ScalarType.Float64);
        using var adversary = new CensoringAdversary(3, hidden: 0, dtype: ScalarType.Float64);
        using (no_grad())
            foreach (var p in autoencoder.parameters()) p.add_(0.3 * randn_like(p));
        var x = randn(5, 3, ScalarType.Float64);
        const double beta = 0.7;
        Tensor Loss()
        {
            var (z, reconstruction) = autoencoder.forward(x);
            return AdversarialCensoring.CoderLoss(reconstruction, x, adversary.forward(z), beta);
        }

        // Hand formula in float64: mean((x̂ − x)²) + β · mean(softplus(l) − l/2), since BCE(l, ½) = softplus(l) − l/2.
        using (no_grad())
        {
            var (z, rec) = autoencoder.forward(x);
            var xs = x.data<double>().ToArray(); var rs = rec.data<double>().ToArray();
            var ls = adversary.forward(z).data<double>().ToArray();
            double mse = xs.Zip(rs, (p, q) => (q - p) * (q - p)).Average();
            double bce = ls.Average(l => Math.Log(1 + Math.Exp(l)) - l / 2);
            Approx.AssertClose(mse + beta * bce, Loss().item<double>(), 1e-12, 1e-14, "coder loss");
        }
        TorchGradientCheck.AssertParameterGradients(Loss, autoencoder.parameters().Concat(adversary.parameters()), what: "coder loss");
    }

    [Fact]
    public void AdversaryLoss_MatchesFiniteDifferences_ForBothAdversaries()
    {
        manual_seed(4);
        var code = randn(6, 4, ScalarType.Float64);
        var labels = tensor(new double[] { 1, 0, 0, 1, 1, 0 });
        foreach (int hidden in new[] { 0, 3 })
        {
            using var adversary = new CensoringAdversary(4, hidden, dtype: ScalarType.Float64);
            TorchGradientCheck.AssertParameterGradients(() => AdversarialCensoring.AdversaryLoss(adversary.forward(code), labels), adversary.parameters(), what: $"adversary (hidden {hidden})");
        }
    }

    [Fact]
    public void Modules_ForwardMatchesFloat64Reference()
    {
        manual_seed(5);
        var x = randn(4, 3, ScalarType.Float64);
        using var autoencoder = new CensoringAutoencoder(3, dtype: ScalarType.Float64);
        var (z, rec) = autoencoder.forward(x);
        // Identity start: z = x and x̂ = x.
        Approx.AssertClose(x.data<double>().ToArray(), z.data<double>().ToArray(), 0, 0, "code");
        Approx.AssertClose(x.data<double>().ToArray(), rec.data<double>().ToArray(), 0, 0, "reconstruction");

        using var adversary = new CensoringAdversary(3, hidden: 2, dtype: ScalarType.Float64);
        var p = adversary.parameters().Select(t => t.data<double>().ToArray()).ToArray();   // W1 [2,3], b1 [2], W2 [1,2], b2 [1]
        var xs = x.data<double>().ToArray();
        var expected = new double[4];
        for (int r = 0; r < 4; r++)
        {
            double s = p[3][0];
            for (int h = 0; h < 2; h++)
            {
                double a = p[1][h];
                for (int c = 0; c < 3; c++) a += p[0][h * 3 + c] * xs[r * 3 + c];
                s += p[2][h] * Math.Tanh(a);
            }
            expected[r] = s;
        }
        var logits = adversary.forward(x);
        Assert.Equal(new long[] { 4 }, logits.shape);
        Approx.AssertClose(expected, logits.data<double>().ToArray(), 1e-12, 1e-14, "logits");
    }
}
