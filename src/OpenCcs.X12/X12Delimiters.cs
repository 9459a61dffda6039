namespace OpenCcs.X12;

/// <summary>The separators of one interchange, taken from its ISA header.</summary>
/// <param name="Element">ISA position 3, e.g. '*'.</param>
/// <param name="Component">ISA16, e.g. ':' (may be corrected when the body plainly uses another character).</param>
/// <param name="Repetition">ISA11 when it is a separator (5010); null when ISA11 is a code such as 'U' (4010).</param>
/// <param name="Segment">The character right after ISA16, e.g. '~'; '\n' when segments end at line breaks.</param>
public readonly record struct X12Delimiters(char Element, char Component, char? Repetition, char Segment)
{
    /// <summary>True when segments end at CR, LF or CRLF.</summary>
    public bool SegmentEndsAtLineBreak => Segment is '\n' or '\r';

    internal bool IsDelimiter(char c) =>
        c == Element || c == Component || c == Segment || (Repetition is { } r && c == r);
}
