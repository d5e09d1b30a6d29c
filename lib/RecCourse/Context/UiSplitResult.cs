using RecCourse.Data;

namespace RecCourse.Context;

/// <summary>
/// The output of UI splitting (<see cref="ContextSplitter.SplitUsersAndItems"/>): a data set in which
/// split items AND split users became two entities each, and the two one-sided results whose
/// <see cref="ContextSplitResult.Map"/> give the new user and item index of a (user, item, context).
/// </summary>
public sealed class UiSplitResult
{
    internal UiSplitResult(RecDataset dataset, ContextSplitResult items, ContextSplitResult users)
    {
        Dataset = dataset; Items = items; Users = users;
    }

    /// <summary>Ratings with both the user and the item index remapped; user ids and item ids as in <see cref="Users"/> and <see cref="Items"/>.</summary>
    public RecDataset Dataset { get; }

    /// <summary>The item side: its splits and item mapping (its own <see cref="ContextSplitResult.Dataset"/> has original users).</summary>
    public ContextSplitResult Items { get; }

    /// <summary>The user side: its splits and user mapping (its own <see cref="ContextSplitResult.Dataset"/> has original items).</summary>
    public ContextSplitResult Users { get; }

    /// <summary>The (user, item) indices in <see cref="Dataset"/> of a rating by <paramref name="user"/> of <paramref name="item"/> in <paramref name="context"/>.</summary>
    public (int User, int Item) Map(int user, int item, ReadOnlySpan<int> context) => (Users.Map(user, context), Items.Map(item, context));
}
