namespace RecCourse.Notebooks.Tests.Lessons;

/// <summary>notebooks/02_dropout_regularisation on the synthetic set: the curves show what the lesson says; assign → grade round trip.</summary>
[Collection(LessonCollection.Name)]
public sealed class Lesson02Tests(Lesson02Tests.Fixture fixture) : IClassFixture<Lesson02Tests.Fixture>
{
    public sealed class Fixture() : LessonFixture("02_dropout_regularisation.ipynb", new Dictionary<string, string> { ["epochs"] = "2", ["mlpEpochs"] = "1" });

    private double N(string name) => fixture.Solution.Number(name);

    [Fact]
    public void Runs_without_failing_cells() => Assert.True(fixture.Solution.FailedCells.Count == 0, fixture.Solution.FailureSummary);

    [Fact]
    public void Unregularised_model_overfits()
    {
        Assert.True(N("unregTrainFinal") < 0.5 * N("unregTrainFirst"), "training loss should keep falling");
        Assert.True(N("unregValidFinal") > N("unregValidBest") + 0.1, "validation loss should rise after its minimum");
        Assert.True(N("unregValidBestEpoch") < 12, "the validation minimum should come before the last epoch");
        Assert.True(N("narrowValidFinal") < N("unregValidFinal"), "the narrow model should overfit less");
        Assert.True(N("mlpWideGap") > N("mlpNarrowGap"), "the wide MLP should have the larger generalisation gap");
    }

    [Fact]
    public void Weight_decay_gradient_and_curves()
    {
        Assert.InRange(N("l2GradError"), 0, 1e-6);
        Assert.True(N("bestDecayValidFinal") < N("unregValidFinal") - 0.15, "the best weight decay should generalise much better");
        Assert.True(N("largestDecayTrainFinal") > 2 * N("unregTrainFinal"), "too much decay should underfit the training set");
    }

    [Fact]
    public void Dropout_mechanics_and_rates()
    {
        Assert.InRange(N("dropoutMean"), 0.99, 1.01);   // 200 000 draws: the std of the mean is about 0.0015
        Assert.True(N("bestDropoutValidFinal") < N("unregValidFinal") - 0.15);
        Assert.True(N("bestDropoutValidFinal") < N("smallestDropoutValidFinal"), "a moderate rate should beat too little dropout");
        Assert.True(N("largestDropoutTrainFinal") > 2 * N("unregTrainFinal"), "too much dropout should underfit");
        Assert.InRange(N("ensembleGap"), 0, 0.15);
        Assert.True(N("ensembleMse") < N("singleMaskMse"), "the ensemble average should beat one thinned network");
        Assert.True(N("chosenValidFinal") < N("unregValidBest"));
    }

    [Fact]
    public void Solution_scores_full_marks_with_three_exercises()
        => fixture.AssertSolutionScoresFullMarks(3);

    [Fact]
    public void Student_copy_scores_zero_with_not_implemented_messages()
        => fixture.AssertStudentCopyScoresZero();
}
