namespace RecCourse.Data;

/// <summary>Context dimensions (e.g. Time, Location, Companion) and each one's conditions (e.g. Weekday, Weekend).</summary>
public sealed record ContextSchema(string[] Dimensions, string[][] Conditions)
{
    public int DimensionIndex(string name) =>
        Array.IndexOf(Dimensions, name) is var i and >= 0 ? i : throw new KeyNotFoundException($"Unknown context dimension '{name}'; known: {string.Join(", ", Dimensions)}.");
}
