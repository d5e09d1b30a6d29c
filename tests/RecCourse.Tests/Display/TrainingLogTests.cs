using RecCourse.Display;
using RecCourse.Training;

namespace RecCourse.Tests.Display;

public class TrainingLogTests
{
    [Fact]
    public void Prints_one_line_per_epoch_and_keeps_the_records()
    {
        var w = new StringWriter();
        var log = new TrainingLog("MF", "valid RMSE", w);
        log.Report(new EpochRecord(1, 1.25, 0.98765, 0.5));
        log.Report(new EpochRecord(2, 0.75, double.NaN, 0.25));
        var lines = w.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["[MF] epoch   1  train loss 1.2500  valid RMSE 0.9877  0.50 s", "[MF] epoch   2  train loss 0.7500  0.25 s"], lines);
        Assert.Equal(2, log.Records.Count);
        Assert.Equal(0.75, log.Seconds, 12);
    }

    [Fact]
    public void Figure_and_table_show_the_metric_only_when_there_is_one()
    {
        var log = new TrainingLog("x", "HR@10", TextWriter.Null);
        log.Report(new EpochRecord(1, 2, double.NaN, 1));
        Assert.Single(log.ToFigure().Traces);
        Assert.DoesNotContain("HR@10", log.ToHtml());
        log.Report(new EpochRecord(2, 1, 0.1, 1));
        Assert.Equal(2, log.ToFigure().Traces.Count);
        Assert.Contains("<th>HR@10</th>", log.ToHtml());
        Assert.Equal(3, log.ToHtml().Split("<tr>").Length - 1); // header + two epochs
    }

    [Fact]
    public void Quiet_keeps_records_without_printing()
    {
        var w = new StringWriter();
        var log = new TrainingLog(writer: w, quiet: true);
        log.Report(new EpochRecord(1, 1, 1, 1));
        Assert.Equal("", w.ToString());
        Assert.Single(log.Records);
    }
}
