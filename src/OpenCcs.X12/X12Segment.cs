namespace OpenCcs.X12;

/// <summary>
/// A view of the current segment inside the reader's buffer. It is valid only until the next
/// <see cref="X12SegmentReader.Read"/>; copy out what you keep (e.g. with <see cref="GetString"/>).
/// Element indexes follow X12 numbering: [0] is the segment id, [1] is the first data element (SV1-01).
/// Component indexes are 1-based too (SV1-01-2 is <c>Component(1, 2)</c>).
/// </summary>
public readonly ref struct X12Segment
{
    private readonly ReadOnlySpan<char> _text;
    private readonly ReadOnlySpan<int> _bounds;

    internal X12Segment(ReadOnlySpan<char> text, ReadOnlySpan<int> bounds, X12Delimiters delimiters, int number)
    {
        _text = text;
        _bounds = bounds;
        Delimiters = delimiters;
        Number = number;
    }

    /// <summary>1-based position in the stream; the first ISA is segment 1.</summary>
    public int Number { get; }

    public X12Delimiters Delimiters { get; }

    /// <summary>The raw segment text without its terminator.</summary>
    public ReadOnlySpan<char> Text => _text;

    public ReadOnlySpan<char> Id => this[0];

    /// <summary>Number of data elements after the id (trailing empty elements included as sent).</summary>
    public int ElementCount => Math.Max(0, _bounds.Length / 2 - 1);

    /// <summary>The element at X12 position <paramref name="index"/>; empty when absent.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            if (index < 0 || index * 2 + 1 >= _bounds.Length)
            {
                return ReadOnlySpan<char>.Empty;
            }

            return _text.Slice(_bounds[index * 2], _bounds[index * 2 + 1]);
        }
    }

    public bool Is(string id) => Id.SequenceEqual(id);

    /// <summary>Number of components in an element (1 when it has no component separator, 0 when empty).</summary>
    public int ComponentCount(int element)
    {
        var value = this[element];
        return value.IsEmpty ? 0 : value.Count(Delimiters.Component) + 1;
    }

    /// <summary>Component <paramref name="component"/> (1-based) of an element; empty when absent.</summary>
    public ReadOnlySpan<char> Component(int element, int component)
    {
        var rest = this[element];
        for (var i = 1; !rest.IsEmpty; i++)
        {
            var cut = rest.IndexOf(Delimiters.Component);
            if (i == component)
            {
                return cut < 0 ? rest : rest[..cut];
            }

            if (cut < 0)
            {
                break;
            }

            rest = rest[(cut + 1)..];
        }

        return ReadOnlySpan<char>.Empty;
    }

    /// <summary>The element as a string; null when it is empty or absent.</summary>
    public string? GetString(int element) => Materialize(this[element]);

    public string? GetString(int element, int component) => Materialize(Component(element, component));

    public string IdString => Id.ToString();

    public override string ToString() => _text.ToString();

    private static string? Materialize(ReadOnlySpan<char> value) => value.IsEmpty ? null : value.ToString();
}
