using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace OpenCcs.X12;

/// <summary>
/// Reads X12 segments one at a time from a stream. Only the current segment (plus one read-ahead
/// block) is held in memory, in a pooled buffer; elements are located once per segment and exposed
/// as spans, so reading allocates nothing per element.
/// Delimiters are taken from each ISA header, so several interchanges with different
/// delimiters may follow one another.
/// </summary>
public sealed class X12SegmentReader : IDisposable
{
    private const int BlockSize = 16 * 1024;
    // The ISA is 106 characters when padded as the standard requires; allow for sloppy padding.
    private const int MaxIsaLength = 512;

    private readonly TextReader _reader;
    private readonly bool _leaveOpen;
    private readonly int _maxSegmentLength;
    private char[] _buffer;
    private int[] _bounds;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _expectIsa = true;
    private int _segmentStart;
    private int _segmentLength;
    private int _boundCount;
    private X12Delimiters _delimiters;
    private bool _disposed;

    public X12SegmentReader(Stream stream, X12ReaderOptions? options = null, bool leaveOpen = false)
        // Latin-1 maps every byte to one char, so damaged bytes never make the decoder fail;
        // a UTF-8 byte-order mark is still recognised and skipped.
        : this(new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: true, BlockSize, leaveOpen), options, leaveOpen: false)
    {
    }

    public X12SegmentReader(TextReader reader, X12ReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _leaveOpen = leaveOpen;
        _maxSegmentLength = Math.Max(MaxIsaLength, (options ?? X12ReaderOptions.Default).MaxSegmentLength);
        _buffer = ArrayPool<char>.Shared.Rent(BlockSize * 2);
        _bounds = ArrayPool<int>.Shared.Rent(128);
    }

    /// <summary>Delimiters of the current interchange.</summary>
    public X12Delimiters Delimiters => _delimiters;

    /// <summary>1-based number of the current segment in the stream; 0 before the first read.</summary>
    public int SegmentNumber { get; private set; }

    /// <summary>The segment most recently read. Valid until the next <see cref="Read"/>.</summary>
    public X12Segment Current => new(
        _buffer.AsSpan(_segmentStart, _segmentLength),
        _bounds.AsSpan(0, _boundCount),
        _delimiters,
        SegmentNumber);

    /// <summary>Advances to the next segment. Returns false at the end of the data.</summary>
    /// <exception cref="X12Exception">The data is not X12 or a segment cannot be delimited.</exception>
    public bool Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            SkipWhitespace();
            if (_start >= _end)
            {
                return false;
            }

            if (_expectIsa)
            {
                ReadIsa();
                return true;
            }

            if (!CutSegment())
            {
                continue;
            }

            SegmentNumber++;
            Tokenize();
            var id = Current.Id;
            ValidateId(id);
            if (id.SequenceEqual("IEA"))
            {
                _expectIsa = true;
            }

            return true;
        }
    }

    /// <summary>
    /// Replaces the component separator for the rest of the current interchange. Used when ISA16
    /// declares one character but the body plainly uses another.
    /// </summary>
    public void OverrideComponentSeparator(char separator)
    {
        if (char.IsLetterOrDigit(separator) || separator == _delimiters.Element || separator == _delimiters.Segment)
        {
            throw new ArgumentException($"'{separator}' cannot be a component separator here.", nameof(separator));
        }

        _delimiters = _delimiters with { Component = separator };
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ArrayPool<char>.Shared.Return(_buffer);
        ArrayPool<int>.Shared.Return(_bounds);
        _buffer = [];
        _bounds = [];
        if (!_leaveOpen)
        {
            _reader.Dispose();
        }
    }

    private void ReadIsa()
    {
        var number = SegmentNumber + 1;
        EnsureAvailable(MaxIsaLength);
        var available = _buffer.AsSpan(_start, _end - _start);
        if (available.Length < 4 || !available.StartsWith("ISA"))
        {
            var found = available[..Math.Min(available.Length, 10)].ToString();
            var detail = number == 1
                ? $"the data does not begin with an ISA interchange header (found \"{found}\")."
                : $"expected an ISA interchange header after IEA, found \"{found}\".";
            throw new X12Exception(number, "", detail);
        }

        var element = available[3];
        if (char.IsLetterOrDigit(element) || char.IsWhiteSpace(element))
        {
            throw new X12Exception(number, "ISA", $"'{element}' after \"ISA\" cannot be an element separator.");
        }

        // ISA16 follows the 16th element separator; the segment terminator follows ISA16.
        var separators = 0;
        var index = 3;
        for (; index < available.Length && separators < 16; index++)
        {
            if (available[index] == element)
            {
                separators++;
            }
        }

        if (separators < 16 || index + 1 >= available.Length)
        {
            throw new X12Exception(number, "ISA", "the interchange header is incomplete: it needs 16 elements followed by a segment terminator.");
        }

        var component = available[index];
        var terminator = available[index + 1];
        if (char.IsLetterOrDigit(component) || char.IsWhiteSpace(component) || component == element)
        {
            throw new X12Exception(number, "ISA", $"ISA16 '{component}' cannot be a component separator.");
        }

        if (char.IsLetterOrDigit(terminator) || terminator == element || terminator == component
            || (char.IsWhiteSpace(terminator) && terminator is not ('\r' or '\n')))
        {
            throw new X12Exception(number, "ISA", $"'{Printable(terminator)}' after ISA16 cannot be a segment terminator.");
        }

        if (terminator == '\r')
        {
            terminator = '\n';
        }

        _delimiters = new X12Delimiters(element, component, RepetitionSeparator(available[..index], element, component, terminator), terminator);
        _segmentStart = _start;
        _segmentLength = index;
        _start += index + 1;
        _expectIsa = false;
        SegmentNumber = number;
        Tokenize();
    }

    // ISA11 is the repetition separator from version 00402 on; before that it is a code such as "U".
    private static char? RepetitionSeparator(ReadOnlySpan<char> isa, char element, char component, char terminator)
    {
        var rest = isa;
        for (var i = 0; i < 11; i++)
        {
            var cut = rest.IndexOf(element);
            if (cut < 0)
            {
                return null;
            }

            rest = rest[(cut + 1)..];
        }

        var end = rest.IndexOf(element);
        var value = end < 0 ? rest : rest[..end];
        if (value.Length != 1)
        {
            return null;
        }

        var c = value[0];
        return char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || c == component || c == terminator ? null : c;
    }

    // Finds the next terminator; returns false for an empty segment (e.g. "~~").
    private bool CutSegment()
    {
        var lineBreaks = _delimiters.SegmentEndsAtLineBreak;
        var terminator = _delimiters.Segment;
        var searched = 0;
        int length;
        var terminated = true;
        while (true)
        {
            var window = _buffer.AsSpan(_start + searched, _end - _start - searched);
            var hit = lineBreaks ? window.IndexOfAny('\r', '\n') : window.IndexOf(terminator);
            if (hit >= 0)
            {
                length = searched + hit;
                break;
            }

            searched = _end - _start;
            if (searched > _maxSegmentLength)
            {
                throw new X12Exception(SegmentNumber + 1, "", $"no segment terminator '{Printable(terminator)}' found within {_maxSegmentLength} characters.");
            }

            if (!Fill())
            {
                length = searched;
                terminated = false;
                break;
            }
        }

        _segmentStart = _start;
        _segmentLength = length;
        _start += terminated ? length + 1 : length;
        if (!terminated)
        {
            // A last segment without a terminator is accepted; trailing blanks are not data.
            while (_segmentLength > 0 && char.IsWhiteSpace(_buffer[_segmentStart + _segmentLength - 1]))
            {
                _segmentLength--;
            }
        }

        return _segmentLength > 0;
    }

    // Splits the segment at its element separators, eight characters at a time: a vector compare marks the
    // separators in a block and each mark becomes a bound. Elements are a few characters long, so this beats
    // searching for the next separator once per element.
    private void Tokenize()
    {
        var text = _buffer.AsSpan(_segmentStart, _segmentLength);
        // A segment of n characters has at most n + 1 elements, two ints each.
        var needed = 2 * (text.Length + 1);
        if (_bounds.Length < needed)
        {
            ArrayPool<int>.Shared.Return(_bounds);
            _bounds = ArrayPool<int>.Shared.Rent(needed);
        }

        var bounds = _bounds;
        var element = _delimiters.Element;
        var count = 0;
        var start = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var separator = Vector128.Create((ushort)element);
            var chars = MemoryMarshal.Cast<char, ushort>(text);
            for (; i + Vector128<ushort>.Count <= chars.Length; i += Vector128<ushort>.Count)
            {
                var marks = Vector128.Equals(Vector128.Create(chars.Slice(i, Vector128<ushort>.Count)), separator).ExtractMostSignificantBits();
                while (marks != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(marks);
                    bounds[count++] = start;
                    bounds[count++] = at - start;
                    start = at + 1;
                    marks &= marks - 1;
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (text[i] == element)
            {
                bounds[count++] = start;
                bounds[count++] = i - start;
                start = i + 1;
            }
        }

        bounds[count++] = start;
        bounds[count++] = text.Length - start;
        _boundCount = count;
    }

    private void ValidateId(ReadOnlySpan<char> id)
    {
        var valid = id.Length is 2 or 3 && char.IsAsciiLetterUpper(id[0]);
        for (var i = 1; valid && i < id.Length; i++)
        {
            valid = char.IsAsciiLetterUpper(id[i]) || char.IsAsciiDigit(id[i]);
        }

        if (!valid)
        {
            var shown = id.Length > 12 ? id[..12].ToString() + "…" : id.ToString();
            throw new X12Exception(SegmentNumber, "", $"\"{Printable(shown)}\" is not a segment identifier (2 or 3 capital letters or digits). A delimiter may be wrong or the data damaged.");
        }
    }

    // Line breaks and indentation between segments are layout, not data.
    private void SkipWhitespace()
    {
        while (true)
        {
            while (_start < _end && IsLayout(_buffer[_start]))
            {
                _start++;
            }

            if (_start < _end || !Fill())
            {
                return;
            }
        }
    }

    private bool IsLayout(char c) =>
        (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF' or '\0') && (_expectIsa || !_delimiters.IsDelimiter(c) || _delimiters.SegmentEndsAtLineBreak);

    private void EnsureAvailable(int count)
    {
        while (_end - _start < count && Fill())
        {
        }
    }

    // Reads one more block; moves unread data to the front and grows the buffer only when a segment needs it.
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            var pending = _end - _start;
            Array.Copy(_buffer, _start, _buffer, 0, pending);
            _segmentStart -= Math.Min(_segmentStart, _start);
            _start = 0;
            _end = pending;
        }

        if (_buffer.Length - _end < BlockSize)
        {
            var bigger = ArrayPool<char>.Shared.Rent(_buffer.Length * 2);
            Array.Copy(_buffer, bigger, _end);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }

    private static string Printable(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => c.ToString(),
    };

    private static string Printable(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n");
}
