using RecCourse.Data;

namespace RecCourse.Tests.Data;

public class RatingTableTests
{
    [Fact]
    public void Subset_keeps_rows_in_the_given_order_with_context()
    {
        var t = new RatingTable([0, 1, 2], [5, 6, 7], [1f, 2f, 3f], [10, 20, 30], [[0, 1, 0]]);
        var s = t.Subset([2, 0]);
        Assert.Equal([2, 0], s.Users);
        Assert.Equal([7, 5], s.Items);
        Assert.Equal([30L, 10L], s.Timestamps);
        Assert.Equal([0, 0], s.Context![0]);
        Assert.Equal(2.0, s.Mean(), 12);
    }

    [Fact]
    public void Mismatched_columns_are_rejected_with_their_lengths()
    {
        var e = Assert.Throws<ArgumentException>(() => new RatingTable([0, 1], [0], [1f, 2f], [0, 0]));
        Assert.Contains("items 1", e.Message);
    }
}
