using System.Diagnostics;
using System.Globalization;
using RecCourse.Data;
using RecCourse.Models;

namespace RecCourse.Cli.Bench;

/// <summary>
/// Explicit ALS on u1.base → u1.test, the counterpart of the PyTorch reference's <c>--models als</c>
/// (d = 50, ALS-WR ridge scaling, 10 iterations). secondsPerEpoch is seconds per alternation.
/// Uses <see cref="AlsOptions.TunedForMovieLens"/> (biased ALS) rather than the reference's λ grid.
/// </summary>
public sealed class AlsBench : IBenchTask
{
    public string Name => "als";
    public string Description => "Explicit ALS-WR with biases (d=50) on u1: s/iteration, RMSE, MAE";


    public BenchResult Run(BenchOptions options, Action<string> log)
    {
        var users = new IdIndex(); var items = new IdIndex();
        var train = ReadU(Path.Combine(options.DataDir, "u1.base"), users, items);
        var test = ReadU(Path.Combine(options.DataDir, "u1.test"), users, items);
        int iterations = options.Epochs ?? 10;
        var model = new ExplicitAls(users.Count, items.Count, AlsOptions.TunedForMovieLens with { Iterations = iterations, Threads = options.Threads, Seed = options.Seed });
        var total = Stopwatch.StartNew();
        model.Initialise(train);
        var (rmse, mae) = (double.NaN, double.NaN);
        for (int it = 1; it <= iterations; it++)
        {
            var sw = Stopwatch.StartNew();
            model.Iterate();
            sw.Stop();
            (rmse, mae) = Evaluate(model, test);
            log($"iteration {it}: {sw.Elapsed.TotalSeconds:F4} s  test_rmse {rmse:F4}  test_mae {mae:F4}");
        }
        // Training time excludes the per-iteration evaluation, as in the reference.
        double trainSeconds = TimeTraining(model, train, iterations);
        total.Stop();
        return new BenchResult("als", iterations, options.Threads, trainSeconds / Math.Max(1, iterations), trainSeconds,
            new Dictionary<string, double> { ["rmse"] = rmse, ["mae"] = mae });
    }

    /// <summary>Re-runs the same deterministic fit without evaluation in between, so the timing holds only training.</summary>
    private static double TimeTraining(ExplicitAls model, RatingTable train, int iterations)
    {
        var sw = Stopwatch.StartNew();
        model.Initialise(train);
        for (int it = 0; it < iterations; it++) model.Iterate();
        return sw.Elapsed.TotalSeconds;
    }

    private static (double Rmse, double Mae) Evaluate(ExplicitAls model, RatingTable test)
    {
        double se = 0, ae = 0;
        for (int k = 0; k < test.Count; k++)
        {
            double e = model.PredictRating(test.Users[k], test.Items[k]) - test.Values[k];
            se += e * e; ae += Math.Abs(e);
        }
        return (Math.Sqrt(se / test.Count), ae / test.Count);
    }

    /// <summary>Minimal reader for MovieLens "user item rating timestamp" tab-separated files.</summary>
    private static RatingTable ReadU(string path, IdIndex users, IdIndex items)
    {
        var u = new List<int>(); var i = new List<int>(); var v = new List<float>(); var t = new List<long>();
        int line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (text.Length == 0) continue;
            var f = text.Split('\t');
            if (f.Length < 4 || !float.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out float r)
                || !long.TryParse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out long ts))
                throw new FormatException($"{path}:{line}: expected 'user<TAB>item<TAB>rating<TAB>timestamp', got '{text}'.");
            u.Add(users.GetOrAdd(f[0])); i.Add(items.GetOrAdd(f[1])); v.Add(r); t.Add(ts);
        }
        return new RatingTable(u.ToArray(), i.ToArray(), v.ToArray(), t.ToArray());
    }
}
