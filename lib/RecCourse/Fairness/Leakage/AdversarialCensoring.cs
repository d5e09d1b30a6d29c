using MathNet.Numerics.Statistics;
using RecCourse.Nn;
using RecCourse.Optim;
using RecCourse.Tensors;

namespace RecCourse.Fairness.Leakage;

/// <summary>
/// Adversarial censoring of representations (Edwards &amp; Storkey 2016), on the kit's autograd engine.
/// An encoder E (linear, d → d, started at the identity) maps each standardised embedding x to a code
/// z; a decoder D must reconstruct x from z (so z keeps the embedding's information), while an
/// adversary A tries to predict the sensitive attribute from z. The players alternate, full batch:
/// <list type="number">
/// <item>adversary: a few steps minimising BCE(A(z), a) with z held fixed;</item>
/// <item>encoder and decoder: one step minimising MSE(D(z), x) + β · BCE(A(z), ½), i.e. reconstruct
/// while making the adversary's output uninformative.</item>
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
/// </summary>
public static class AdversarialCensoring
{
    /// <summary>Trains the censoring encoder on <paramref name="x"/> (n × d) and <paramref name="attribute"/> (length n).</summary>
    public static CensoringResult Fit(double[][] x, bool[] attribute, AdversarialCensoringOptions? options = null)
    {
        int d = EmbeddingRows.Validate(x, attribute);
        options ??= new AdversarialCensoringOptions();
        options.Validate();
        int n = x.Length;

        var mean = new double[d]; var scale = new double[d];
        for (int c = 0; c < d; c++)
        {
            var column = x.Select(row => row[c]).ToArray();
            mean[c] = column.Mean();
            double sd = column.PopulationStandardDeviation();
            scale[c] = sd > 1e-12 ? 1 / sd : 0;
        }
        var input = new Tensor(n, d);
        for (int r = 0; r < n; r++) for (int c = 0; c < d; c++) input[r, c] = (float)((x[r][c] - mean[c]) * scale[c]);
        var target = input.Data.ToArray();
        var labels = attribute.Select(a => a ? 1f : 0f).ToArray();
        var confusion = Enumerable.Repeat(0.5f, n).ToArray();

        var rng = new Random(options.Seed);
        var encoder = new Linear(d, d, rng);
        var decoder = new Linear(d, d, rng);
        // Start from the identity code (z = x, x̂ = z): perfect reconstruction, so training only has to
        // give up what the adversary forces out instead of first learning to reconstruct.
        foreach (var layer in new[] { encoder, decoder })
        {
            Array.Clear(layer.Weight.Data);
            for (int c = 0; c < d; c++) layer.Weight[c, c] = 1f;
            if (layer.Bias is { } b) Array.Clear(b.Data);
        }
        Module adversary = options.AdversaryHidden == 0
            ? new Linear(d, 1, rng)
            : new Sequential(new Linear(d, options.AdversaryHidden, rng), new Tanh(), new Linear(options.AdversaryHidden, 1, rng));
        var coderOptimizer = new Adam(encoder.Parameters().Concat(decoder.Parameters()), options.LearningRate);
        var adversaryOptimizer = new Adam(adversary.Parameters(), options.LearningRate * 5);

        double reconstruction = double.NaN, adversaryLoss = double.NaN;
        // Intermediate tensors are recycled each epoch, as the engine's Trainer does: no allocation in steady state.
        var arena = new TensorArena();
        using (arena.Activate())
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            arena.Reset();
            Tensor code;
            using (Autograd.NoGrad()) code = encoder.Forward(input);
            for (int s = 0; s < options.AdversaryStepsPerEpoch; s++)
            {
                adversaryOptimizer.ZeroGrad();
                var loss = Losses.BceWithLogits(adversary.Forward(code), labels);
                loss.Backward();
                adversaryOptimizer.Step();
                adversaryLoss = loss.Item();
            }

            coderOptimizer.ZeroGrad();
            var z = encoder.Forward(input);
            var reconLoss = Losses.Mse(decoder.Forward(z), target);
            var confusionLoss = Losses.BceWithLogits(adversary.Forward(z), confusion);
            var total = Ops.Add(reconLoss, Ops.Scale(confusionLoss, options.AdversaryWeight));
            total.Backward();
            coderOptimizer.Step();
            // The adversary's parameters also received gradients from the coder's loss: discard them.
            adversary.ZeroGrad();
            reconstruction = reconLoss.Item();
        }

        var result = new CensoringResult(encoder, mean, scale, [], reconstruction, adversaryLoss);
        return new CensoringResult(encoder, mean, scale, result.Apply(x), reconstruction, adversaryLoss);
    }
}
