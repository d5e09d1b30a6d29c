using RecCourse.Display;

namespace RecCourse.Tests.Display;

// Check prints ✅/❌ lines (asserted through the notebook runner in RecCourse.Notebooks.Tests);
// here only the pass/fail decisions, including the edge cases.
public sealed class CheckTests
{
    [Fact]
    public void Close_uses_an_absolute_tolerance_and_never_passes_nan()
    {
        Assert.True(Check.Close("t", 1.0, 1.05, 0.1));
        Assert.False(Check.Close("t", 1.0, 1.2, 0.1));
        Assert.False(Check.Close("t", 1.0, double.NaN, 0.1));
        Assert.False(Check.Close("t", double.NaN, double.NaN, 0.1));
    }

    [Fact]
    public void AllClose_fails_on_length_mismatch_and_on_any_bad_element()
    {
        Assert.True(Check.AllClose("t", [1.0, 2.0], [1.0, 2.0 + 1e-9]));
        Assert.False(Check.AllClose("t", [1.0, 2.0], [1.0]));
        Assert.False(Check.AllClose("t", [1.0, 2.0], [1.0, double.NaN]));
    }

    [Fact]
    public void Bounds_equal_and_runs_decide_as_documented()
    {
        Assert.True(Check.AtMost("t", 0.9, 0.9, "rmse"));
        Assert.False(Check.AtMost("t", 0.91, 0.9, "rmse"));
        Assert.True(Check.AtLeast("t", 0.93, 0.93, "auc"));
        Assert.False(Check.AtLeast("t", 0.92, 0.93, "auc"));
        Assert.True(Check.Equal("t", "a", "a"));
        Assert.False(Check.Equal("t", 3, 4));
        Assert.True(Check.That("t", true, "ok"));
        Assert.False(Check.Runs("t", () => throw new InvalidOperationException("x"), "runs"));
        Assert.True(Check.Runs("t", () => { }, "runs"));
    }
}
