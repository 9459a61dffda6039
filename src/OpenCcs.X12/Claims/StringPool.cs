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

    // Small on purpose: 8,192 slots keep both arrays under the large-object threshold (85,000 bytes), so they are not
    // allocated on the large-object heap (which set off a full collection) and stay in cache. A million-line file reads
    // 1.2 times faster with this table than with one of 262,144 slots, although the pool starts again more often.
    private const int Slots = 1 << 13;
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

        if (value.Length <= 2 && ShortCode(value) is { } code)
        {
            return code;
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

    // Qualifiers, places of service, entity and unit codes are one or two digits or capitals: they come from a
    // table made once, with no hashing at all.
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static readonly string[] ShortCodes = MakeShortCodes();

    private static string? ShortCode(ReadOnlySpan<char> value)
    {
        var first = Position(value[0]);
        if (first < 0)
        {
            return null;
        }

        if (value.Length == 1)
        {
            return ShortCodes[first];
        }

        var second = Position(value[1]);
        return second < 0 ? null : ShortCodes[Alphabet.Length + first * Alphabet.Length + second];
    }

    private static int Position(char c) =>
        (uint)(c - '0') <= 9 ? c - '0' : (uint)(c - 'A') <= 25 ? c - 'A' + 10 : -1;

    private static string[] MakeShortCodes()
    {
        var codes = new string[Alphabet.Length + Alphabet.Length * Alphabet.Length];
        for (var i = 0; i < Alphabet.Length; i++)
        {
            codes[i] = Alphabet[i].ToString();
            for (var j = 0; j < Alphabet.Length; j++)
            {
                codes[Alphabet.Length + i * Alphabet.Length + j] = string.Concat(Alphabet[i].ToString(), Alphabet[j].ToString());
            }
        }

        return codes;
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
