using MathNet.Numerics.Statistics;
using RecCourse.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace RecCourse.Fairness.Leakage;

/// <summary>
/// Adversarial censoring of representations (Edwards &amp; Storkey 2016) as TorchSharp modules. An
/// encoder E (linear, d → d, started at the identity) maps each standardised embedding x to a code
/// z; a decoder D must reconstruct x from z (so z keeps the embedding's information), while an
/// adversary A tries to predict the sensitive attribute from z (<see cref="CensoringAutoencoder"/>,
/// <see cref="CensoringAdversary"/>). The players alternate, full batch, each update an ordinary
/// PyTorch training step (zero_grad, forward, loss, backward, step) with its own Adam:
/// <list type="number">
/// <item>adversary: a few steps minimising <see cref="AdversaryLoss"/> = BCE(A(z), a) with z held fixed;</item>
/// <item>encoder and decoder: one step minimising <see cref="CoderLoss"/> = MSE(D(z), x) + β · BCE(A(z), ½),
/// i.e. reconstruct while making the adversary's output uninformative.</item>
/// </list>
/// Two choices differ from the paper's min-max (maximise the adversary's loss), both because the
/// min-max form measured poorly here: maximising the loss lets the encoder make the adversary
/// confidently <i>wrong</i>, which still reveals the attribute, and a non-linear adversary was
/// out-manoeuvred each round while a linear probe still read the attribute (AUC ≈ 0.9 after
/// training; Elazar &amp; Goldberg 2018 report the same failure). With the "confusion" target ½ and
/// a logistic-regression adversary (the default, <see cref="AdversarialCensoringOptions.AdversaryHidden"/> = 0),
/// the encoder learns to flatten the directions the adversary uses — a learned, gradual cousin of
/// <see cref="AttributeProjection.Iterative"/>. The result depends on β, the learning rate and the
/// number of steps, and it generalises less well to users it was not fitted on than a projection does.
/// Full-batch alternating updates of two optimisers do not fit the kit's one-model mini-batch
/// <see cref="Trainer"/>, so the loop is written out here.
/// </summary>
public static class AdversarialCensoring
{
    /// <summary>
    /// Trains the censoring encoder on <paramref name="x"/> (n × d) and <paramref name="attribute"/>
    /// (length n), on <see cref="Backend.Device"/>. The same options (seed) give identical results on CPU;
    /// the global torch random state is left as it was.
    /// </summary>
    public static CensoringResult Fit(double[][] x, bool[] attribute, AdversarialCensoringOptions? options = null)
    {
        int d = EmbeddingRows.Validate(x, attribute);
        options ??= new AdversarialCensoringOptions();
        options.Validate();
        Backend.Initialize();
        var device = Backend.Device;
        int n = x.Length;

        var mean = new double[d];
        var scale = new double[d];
        for (int c = 0; c < d; c++)
        {
            var column = x.Select(row => row[c]).ToArray();
            mean[c] = column.Mean();
            double sd = column.PopulationStandardDeviation();
            scale[c] = sd > 1e-12 ? 1 / sd : 0;
        }

        var (autoencoder, adversary) = CreateModules(d, options, device);
        try
        {
            using var input = CensoringResult.Standardise(x, mean, scale, device);
            using var labels = tensor(attribute.Select(a => a ? 1f : 0f).ToArray(), device: device);
            CheckAdversary(adversary, input, n, d);

            using var coderOptimizer = new FusedAdam(autoencoder.parameters(), options.LearningRate);
            using var adversaryOptimizer = new FusedAdam(adversary.parameters(), options.LearningRate * 5);
            autoencoder.train();
            adversary.train();
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                using var scope = NewDisposeScope();
                Tensor code;
                using (no_grad()) code = autoencoder.Encode(input);
                for (int s = 0; s < options.AdversaryStepsPerEpoch; s++)
                {
                    adversaryOptimizer.zero_grad();
                    var adversaryLoss = AdversaryLoss(adversary.forward(code), labels);
                    adversaryLoss.backward();
                    adversaryOptimizer.step();
                }

                coderOptimizer.zero_grad();
                var (z, reconstruction) = autoencoder.forward(input);
                var loss = CoderLoss(reconstruction, input, adversary.forward(z), options.AdversaryWeight);
                loss.backward();
                coderOptimizer.step();
                // The adversary's parameters received gradients from the coder's loss too; its next
                // zero_grad discards them before they could move it.
            }
            adversary.zero_grad();

            autoencoder.eval();
            adversary.eval();
            double reconstructionMse, finalAdversaryLoss;
            using (no_grad())
            using (NewDisposeScope())
            {
                var (z, reconstruction) = autoencoder.forward(input);
                reconstructionMse = mse_loss(reconstruction, input).cpu().item<float>();
                finalAdversaryLoss = AdversaryLoss(adversary.forward(z), labels).cpu().item<float>();
            }
            return new CensoringResult(autoencoder, adversary, mean, scale, x, reconstructionMse, finalAdversaryLoss);
        }
        catch
        {
            autoencoder.Dispose();
            adversary.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The adversary's loss: mean binary cross-entropy of its logits [n] against the attribute labels
    /// [n] (1 = true, 0 = false). ln 2 ≈ 0.693 is what a constant ½ scores.
    /// </summary>
    public static Tensor AdversaryLoss(Tensor logits, Tensor labels) => binary_cross_entropy_with_logits(logits, labels);

    /// <summary>
    /// The encoder/decoder's loss: MSE(<paramref name="reconstruction"/>, <paramref name="input"/>) (both
    /// [n, d], mean over all entries) + β · BCE(<paramref name="adversaryLogits"/> [n], ½) — reconstruct
    /// the input while pushing every adversary output toward "cannot tell" (probability ½).
    /// </summary>
    /// <param name="adversaryWeight">β ≥ 0.</param>
    public static Tensor CoderLoss(Tensor reconstruction, Tensor input, Tensor adversaryLogits, double adversaryWeight)
    {
        var confusion = full_like(adversaryLogits, 0.5);
        return mse_loss(reconstruction, input) + adversaryWeight * binary_cross_entropy_with_logits(adversaryLogits, confusion);
    }

    /// <summary>Builds both players on the CPU under <c>manual_seed(Seed)</c>, restores the global
    /// generator, then moves them to <paramref name="device"/>: the same seed gives the same start on any device.</summary>
    private static (CensoringAutoencoder, nn.Module<Tensor, Tensor>) CreateModules(int d, AdversarialCensoringOptions options, Device device)
    {
        using var saved = random.get_rng_state();
        CensoringAutoencoder? autoencoder = null;
        nn.Module<Tensor, Tensor>? adversary = null;
        try
        {
            random.manual_seed(options.Seed);
            autoencoder = new CensoringAutoencoder(d);
            adversary = options.Adversary is { } build
                ? build(d) ?? throw new InvalidOperationException("AdversarialCensoringOptions.Adversary returned null.")
                : new CensoringAdversary(d, options.AdversaryHidden);
            autoencoder.to(device);
            adversary.to(device);
            return (autoencoder, adversary);
        }
        catch
        {
            autoencoder?.Dispose();
            adversary?.Dispose();
            throw;
        }
        finally
        {
            random.set_rng_state(saved);
        }
    }

    private static void CheckAdversary(nn.Module<Tensor, Tensor> adversary, Tensor input, int n, int d)
    {
        if (!adversary.parameters().Any())
            throw new InvalidOperationException("The adversary has no parameters to train (did its constructor call RegisterComponents()?).");
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var logits = adversary.forward(input);
        if (logits.shape.Length != 1 || logits.shape[0] != n)
            throw new InvalidOperationException(
                $"The adversary maps a code of shape [{n}, {d}] to shape [{string.Join(", ", logits.shape)}]; it must return one logit per row, shape [{n}] (squeeze the last dimension).");
    }
}
