using System.Globalization;
using System.Net;
using System.Text;
using RecCourse.Plots;
using RecCourse.Training;

namespace RecCourse.Display;

/// <summary>
/// The notebook side of <see cref="Trainer"/>'s progress callback: prints one line per epoch as it
/// ends (a cell's output streams live in VS Code, Jupyter and the kit's runner), keeps the records,
/// and draws them (<see cref="ToFigure"/>) or tabulates them (displayed as HTML).
/// <code>var log = new TrainingLog("MF", "valid RMSE");
/// trainer.Fit(model, opt, n, batchLoss, validate, progress: log);
/// log.ToFigure()</code>
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class TrainingLog(string name = "training", string metricName = "valid", TextWriter? writer = null, bool quiet = false)
    : IProgress<EpochRecord>, IHtmlRenderable
{
    private readonly List<EpochRecord> records = [];

    public string Name { get; } = name;
    public string MetricName { get; } = metricName;
    public IReadOnlyList<EpochRecord> Records => records;
    /// <summary>Seconds of all training passes so far (validation excluded).</summary>
    public double Seconds => records.Sum(r => r.Seconds);

    public void Report(EpochRecord value)
    {
        records.Add(value);
        if (quiet) return;
        (writer ?? Console.Out).WriteLine(Line(value));
    }

    /// <summary>"[MF] epoch  3  train loss 0.8123  valid RMSE 0.9341  0.41 s".</summary>
    public string Line(EpochRecord r)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"[{Name}] epoch {r.Epoch,3}  train loss {r.TrainLoss:F4}");
        if (!double.IsNaN(r.ValidationMetric)) s.Append(CultureInfo.InvariantCulture, $"  {MetricName} {r.ValidationMetric:F4}");
        s.Append(CultureInfo.InvariantCulture, $"  {r.Seconds:F2} s");
        return s.ToString();
    }

    /// <summary>Train loss (and the validation metric, when there is one) per epoch.</summary>
    public Figure ToFigure()
    {
        var epochs = records.Select(r => (double)r.Epoch).ToArray();
        var series = new Dictionary<string, double[]> { ["train loss"] = records.Select(r => r.TrainLoss).ToArray() };
        if (records.Any(r => !double.IsNaN(r.ValidationMetric))) series[MetricName] = records.Select(r => r.ValidationMetric).ToArray();
        return Plot.Lines(epochs, series).WithTitle(Name).WithLabels("epoch", "value");
    }

    public string ToHtml()
    {
        var s = new StringBuilder("<table><thead><tr><th>epoch</th><th>train loss</th>");
        bool metric = records.Any(r => !double.IsNaN(r.ValidationMetric));
        if (metric) s.Append("<th>").Append(WebUtility.HtmlEncode(MetricName)).Append("</th>");
        s.Append("<th>seconds</th></tr></thead><tbody>");
        foreach (var r in records)
        {
            s.Append(CultureInfo.InvariantCulture, $"<tr><td>{r.Epoch}</td><td>{r.TrainLoss:F4}</td>");
            if (metric) s.Append(CultureInfo.InvariantCulture, $"<td>{r.ValidationMetric:F4}</td>");
            s.Append(CultureInfo.InvariantCulture, $"<td>{r.Seconds:F2}</td></tr>");
        }
        return s.Append("</tbody></table>").ToString();
    }

    public override string ToString() => string.Join(Environment.NewLine, records.Select(Line));
}
