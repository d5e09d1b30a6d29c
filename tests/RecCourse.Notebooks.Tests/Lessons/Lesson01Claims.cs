namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>The claims of lesson 01's text that must hold on every data set it runs on.</summary>
public static class Lesson01Claims
{
    /// <summary>§5: t-SNE keeps neighbourhoods (far better than PCA and a random layout), PCA keeps the global layout better, two seeds agree only partly.</summary>
    public static void TsneClaimsHold(LessonRun run)
    {
        double random = 10.0 / 399;
        Assert.True(run.Number("tsnePreservation") > run.Number("pcaPreservation") + 0.05, "t-SNE should keep clearly more neighbourhoods than PCA");
        Assert.True(run.Number("tsnePreservationOtherSeed") > run.Number("pcaPreservation") + 0.05, "so should the other seed");
        Assert.True(run.Number("tsnePreservationOtherSeed") > 5 * random, "several times a random layout");
        Assert.True(run.Number("pcaGlobalCorrelation") > run.Number("tsneGlobalCorrelation"), "PCA should keep global distances better");
        Assert.True(run.Number("tsneSeedToSeedCorrelation") < 0.8, "two seeds should give different global layouts");
    }

    /// <summary>§5: 250 iterations keep almost nothing, 1000 more than 500, perplexity 5–50 moves the score by a few hundredths.</summary>
    public static void SweepClaimsHold(LessonRun run)
    {
        double random = 10.0 / 399;
        Assert.True(run.Number("tsneIterations250") < 2 * random, $"250 iterations keep {run.Number("tsneIterations250"):F3}");
        Assert.True(run.Number("tsneIterations1000") > run.Number("tsnePerplexityDefault") + 0.02, "1000 iterations should keep more than 500");
        double[] byPerplexity = [run.Number("tsnePerplexity5"), run.Number("tsnePerplexityDefault"), run.Number("tsnePerplexity50")];
        Assert.True(byPerplexity.Max() - byPerplexity.Min() < 0.08, $"perplexities 5/30/50: {string.Join(", ", byPerplexity.Select(p => p.ToString("F3")))}");
        Assert.True(byPerplexity.Max() - byPerplexity.Min() < run.Number("tsneIterations1000") - run.Number("tsneIterations250"), "iterations should matter more than perplexity");
    }
}
