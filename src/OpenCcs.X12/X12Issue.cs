namespace OpenCcs.X12;

/// <summary>
/// A problem that did not stop reading: an envelope count or control-number mismatch, a repaired
/// delimiter, or a claim segment whose content could not be used.
/// </summary>
/// <param name="SegmentNumber">1-based position of the segment in the stream (the first ISA is 1).</param>
/// <param name="SegmentId">The segment identifier, e.g. "HI".</param>
/// <param name="Detail">What is wrong and what was done about it, without the segment prefix.</param>
/// <param name="TransactionControlNumber">ST02 of the transaction set the segment belongs to, when inside one.</param>
public sealed record X12Issue(int SegmentNumber, string SegmentId, string Detail, string? TransactionControlNumber = null)
{
    /// <summary>The full sentence, e.g. "Segment 42 (SE): the transaction set control number 0002 does not match ST02 0001."</summary>
    public string Message => Format(SegmentNumber, SegmentId, Detail);

    public override string ToString() => Message;

    internal static string Format(int segmentNumber, string segmentId, string detail) =>
        segmentNumber <= 0 ? detail
        : segmentId.Length == 0 ? $"Segment {segmentNumber}: {detail}"
        : $"Segment {segmentNumber} ({segmentId}): {detail}";
}
