namespace OpenCcs.X12.Claims;

/// <summary>
/// Hands out one string per distinct short value: the codes, qualifiers, NPIs, member ids and SAR numbers that
/// repeat on claim after claim. A file of a million lines then allocates a few thousand of them instead of
/// millions. Bounded: past <see cref="MaxEntries"/> values it starts again, so memory does not grow with the file.
/// </summary>
/// <remarks>
/// An open-addressing table of its own, looked up by span: it is asked about a dozen times per service line, and a
/// hash of a few characters plus one comparison costs less than a general set's comparer calls.
/// </remarks>
internal sealed class StringPool
{
    private const int MaxLength = 24;
    private const int Slots = 1 << 18;
    private const int MaxEntries = Slots / 2;

    private readonly string?[] _slots = new string?[Slots];
    private readonly int[] _hashes = new int[Slots];
    private int _count;

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

        var hash = Hash(value);
        var slot = hash & (Slots - 1);
        while (_slots[slot] is { } known)
        {
            if (_hashes[slot] == hash && value.SequenceEqual(known))
            {
                return known;
            }

            slot = (slot + 1) & (Slots - 1);
        }

        if (_count >= MaxEntries)
        {
            Array.Clear(_slots);
            _count = 0;
            slot = hash & (Slots - 1);
        }

        var added = value.ToString();
        _slots[slot] = added;
        _hashes[slot] = hash;
        _count++;
        return added;
    }

    // FNV-1a over the characters, then mixed so that the low bits (the slot) depend on every character.
    private static int Hash(ReadOnlySpan<char> value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return (int)(hash & 0x7FFFFFFF);
    }
}
