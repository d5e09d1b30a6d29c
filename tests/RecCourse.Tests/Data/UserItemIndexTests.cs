using RecCourse.Data;

namespace RecCourse.Tests.Data;

public class UserItemIndexTests
{
    [Fact]
    public void Rows_are_sorted_per_user_and_a_repeated_pair_keeps_the_later_value()
    {
        var t = new RatingTable([1, 0, 1, 1, 1], [4, 2, 0, 4, 3], [1, 2, 3, 5, 4], [0, 0, 0, 0, 0]);
        var x = UserItemIndex.Build(t, numUsers: 3, numItems: 5);
        Assert.Equal([2], x.ItemsOf(0).ToArray());
        Assert.Equal([0, 3, 4], x.ItemsOf(1).ToArray());
        Assert.Equal([3f, 4f, 5f], x.ValuesOf(1).ToArray());
        Assert.Equal(0, x.CountOf(2));
        Assert.True(x.Contains(1, 3)); Assert.False(x.Contains(1, 2)); Assert.False(x.Contains(2, 0));
        Assert.Equal([1, 0, 1, 1, 1], x.ItemCounts());
        Assert.Equal(4, x.Count);
        Assert.Equal([0, 1, 4, 4], x.Offsets);
        var lists = x.ToLists();
        Assert.Equal([0, 3, 4], lists[1]);
        Assert.Empty(lists[2]);
    }

    [Fact]
    public void Out_of_range_indices_name_the_row()
    {
        var t = new RatingTable([0, 3], [0, 0], [1, 1], [0, 0]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => UserItemIndex.Build(t, 2, 1));
        Assert.Contains("Row 1", e.Message);
    }
}
