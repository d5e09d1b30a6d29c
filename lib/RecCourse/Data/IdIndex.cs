namespace RecCourse.Data;

/// <summary>A dense index both ways between raw ids (as in the files) and 0-based positions.</summary>
public sealed class IdIndex
{
    private readonly List<string> _ids = new();
    private readonly Dictionary<string, int> _pos = new(StringComparer.Ordinal);

    public int Count => _ids.Count;

    /// <summary>The position of <paramref name="id"/>, adding it at the end when new.</summary>
    public int GetOrAdd(string id)
    {
        if (_pos.TryGetValue(id, out int p)) return p;
        _pos[id] = _ids.Count; _ids.Add(id);
        return _ids.Count - 1;
    }

    public bool TryGetIndex(string id, out int index) => _pos.TryGetValue(id, out index);

    /// <summary>Like <see cref="TryGetIndex(string, out int)"/> without allocating a string (readers call it per line).</summary>
    public bool TryGetIndex(ReadOnlySpan<char> id, out int index) => _pos.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out index);

    /// <summary>The position of <paramref name="id"/>; throws <see cref="KeyNotFoundException"/> naming it when unknown.</summary>
    public int IndexOf(string id) => _pos.TryGetValue(id, out int p) ? p : throw new KeyNotFoundException($"Unknown id '{id}'.");

    /// <summary>The raw id at dense position <paramref name="index"/>.</summary>
    public string IdAt(int index) => _ids[index];

    public IReadOnlyList<string> Ids => _ids;
}
