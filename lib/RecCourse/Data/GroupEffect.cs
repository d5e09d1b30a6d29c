namespace RecCourse.Data;

/// <summary>
/// A planted difference in preference between user groups: users whose <paramref name="Attribute"/>
/// equals <paramref name="Group"/> rate items of genre <paramref name="Genre"/> <paramref name="Delta"/>
/// stars higher (before rounding and clipping) and, through their preference, also pick them more often.
/// </summary>
/// <param name="Attribute">"Gender" (the only attribute the generator plants on).</param>
/// <param name="Group">The attribute value, e.g. "F".</param>
/// <param name="GenreIndex">Index into <see cref="RecDataset.GenreNames"/>.</param>
public sealed record GroupEffect(string Attribute, string Group, string Genre, int GenreIndex, double Delta)
{
    /// <summary>Whether the effect applies to a user with these demographics.</summary>
    public bool AppliesTo(UserInfo user) => Attribute switch
    {
        "Gender" => user.Gender == Group,
        "Occupation" => user.Occupation == Group,
        _ => throw new InvalidOperationException($"Unknown group attribute '{Attribute}'."),
    };
}
