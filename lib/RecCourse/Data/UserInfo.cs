namespace RecCourse.Data;

/// <summary>User demographics as in MovieLens u.user. <paramref name="Gender"/> is "M" or "F".</summary>
public sealed record UserInfo(int Age, string Gender, string Occupation, string Zip);
