namespace OpenCcs.X12.Claims;

/// <summary>
/// Hands out one string per distinct short value: the codes, qualifiers, NPIs, member ids and SAR numbers that
/// repeat on claim after claim. A file of a million lines then allocates a few thousand of them instead of
/// millions. Bounded: past <see cref="MaxEntries"/> values it starts again, so memory does not grow with the file.
/// </summary>
internal sealed class StringPool
{
    private const int MaxLength = 24;
    private const int MaxEntries = 1 << 17;

    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The value as a string; null when empty.</summary>
    public string? Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return null;
        }

        if (value.Length > MaxLength)
        {
            return value.ToString();
        }

        if (_lookup.TryGetValue(value, out var known))
        {
            return known;
        }

        if (_values.Count >= MaxEntries)
        {
            _values.Clear();
        }

        var added = value.ToString();
        _values.Add(added);
        return added;
    }
}
