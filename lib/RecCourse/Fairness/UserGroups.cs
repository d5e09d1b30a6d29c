using RecCourse.Data;

namespace RecCourse.Fairness;

/// <summary>
/// Standard user → group functions over <see cref="RecDataset.Users"/>, for the group audits. A function
/// returns null for a user with no group (the audit leaves such users out).
/// </summary>
public static class UserGroups
{
    /// <summary>The age bands used throughout the course, youngest first (MovieLens users are 7–73).</summary>
    public static IReadOnlyList<string> AgeBands { get; } = ["<25", "25–34", "35–44", "45+"];

    /// <summary>The band of <paramref name="age"/> in years: "&lt;25", "25–34", "35–44" or "45+".</summary>
    public static string AgeBandOf(int age)
    {
        if (age < 0) throw new ArgumentOutOfRangeException(nameof(age), age, "Age must be ≥ 0.");
        return age < 25 ? AgeBands[0] : age < 35 ? AgeBands[1] : age < 45 ? AgeBands[2] : AgeBands[3];
    }

    /// <summary>Gender ("M" / "F") of each user.</summary>
    public static Func<int, string?> Gender(RecDataset data) => By(data, u => u.Gender);

    /// <summary>Age band (<see cref="AgeBandOf"/>) of each user.</summary>
    public static Func<int, string?> AgeBand(RecDataset data) => By(data, u => AgeBandOf(u.Age));

    /// <summary>Occupation of each user (21 values in MovieLens 100k).</summary>
    public static Func<int, string?> Occupation(RecDataset data) => By(data, u => u.Occupation);

    /// <summary>Any demographic field as the group, e.g. <c>By(data, u =&gt; u.Zip[..1])</c>.</summary>
    public static Func<int, string?> By(RecDataset data, Func<UserInfo, string?> field)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(field);
        var users = data.Users ?? throw new ArgumentException($"Data set '{data.Name}' has no user demographics to group by.", nameof(data));
        var groups = users.Select(field).ToArray();
        return u => (uint)u < (uint)groups.Length ? groups[u] : throw new ArgumentOutOfRangeException(nameof(u), u, $"User index outside [0, {groups.Length}).");
    }

    /// <summary>Gender as a boolean label (true = "F"), the target of the leakage probe; throws for other values.</summary>
    public static bool[] IsFemale(RecDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var users = data.Users ?? throw new ArgumentException($"Data set '{data.Name}' has no user demographics.", nameof(data));
        return users.Select((u, i) => u.Gender switch
        {
            "F" => true,
            "M" => false,
            _ => throw new ArgumentException($"User {i} has gender '{u.Gender}', expected M or F.", nameof(data)),
        }).ToArray();
    }
}
