using System.Text.Json;

namespace RecCourse.Data;

/// <summary>
/// The small <c>synthetic.json</c> file that <see cref="MovieLensWriter"/> leaves beside a written
/// synthetic set, so readers and <c>reccourse data info</c> can tell it from real MovieLens data.
/// </summary>
public sealed record SyntheticMarker(string Generator, string Name, SyntheticOptions Options)
{
    public const string FileName = "synthetic.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static SyntheticMarker? TryRead(string dir)
    {
        string path = Path.Combine(dir, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<SyntheticMarker>(File.ReadAllText(path), Json)
                ?? throw new DataFormatException(path, 1, "marker", "empty JSON.");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, (int)(e.LineNumber ?? 0) + 1, e.Path ?? "marker", e.Message, e);
        }
    }

    public void Write(string dir) => File.WriteAllText(Path.Combine(dir, FileName), JsonSerializer.Serialize(this, Json));
}
