using RecCourse.Data;
using RecCourse.Models;
using RecCourse.Nn;
using RecCourse.Optim;
using RecCourse.Tensors;
using RecCourse.Tests.TestSupport;
using RecCourse.Training;

namespace RecCourse.Tests.Models;

/// <summary>Quality parity with ../shared/bench/torch_reference.py on the real data (skipped without it).</summary>
public class DeepModelMovieLensTests
{
    /// <summary>PyTorch reference MF, wd 3e-4, 10 epochs, u1 (ANCHORS.md); the issue allows ±0.01.</summary>
    private const double ReferenceRmse = 0.9175, Tolerance = 0.01;

    [Ml100kFact]
    public void DotProductBias_on_u1_is_within_0_01_rmse_of_the_pytorch_reference()
    {
        var (train, test) = MovieLens100k.LoadSplit(Ml100kFactAttribute.Ml100kDir!, "u1");
        var tr = train.Ratings; var te = test.Ratings;
        var model = new DotProductBias(train.NumUsers, train.NumItems, 50, new Random(42));
        var opt = new Adam(model.Parameters(), 5e-3f, weightDecay: 3e-4f);
        var ub = new int[1024]; var ib = new int[1024]; var rb = new float[1024];
        new EngineTrainer(new TrainerOptions { Epochs = 10, BatchSize = 1024, Seed = 42 }).Fit(tr.Count, rows =>
        {
            for (int k = 0; k < rows.Length; k++) { ub[k] = tr.Users[rows[k]]; ib[k] = tr.Items[rows[k]]; rb[k] = tr.Values[rows[k]]; }
            return Losses.Mse(model.Forward(ub.AsSpan(0, rows.Length), ib.AsSpan(0, rows.Length)), rb.AsSpan(0, rows.Length));
        }, opt, model);
        Tensor pred;
        using (Autograd.NoGrad()) pred = model.Forward(te.Users, te.Items);
        double rmse = Math.Sqrt(pred.Data.Select((p, k) => (p - te.Values[k]) * (double)(p - te.Values[k])).Average());
        Approx.AssertClose(ReferenceRmse, rmse, 0, Tolerance, "u1 test RMSE");
    }
}
