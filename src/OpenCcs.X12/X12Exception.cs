namespace OpenCcs.X12;

/// <summary>
/// A problem in X12 data that stops reading: the data cannot be trusted past this point.
/// The message always starts with the segment number and identifier so a person can find it.
/// </summary>
public sealed class X12Exception : Exception
{
    public X12Exception(int segmentNumber, string segmentId, string detail)
        : base(X12Issue.Format(segmentNumber, segmentId, detail))
    {
        SegmentNumber = segmentNumber;
        SegmentId = segmentId;
        Detail = detail;
    }

    /// <summary>1-based position of the segment in the stream (the first ISA is 1); 0 when no segment was read.</summary>
    public int SegmentNumber { get; }

    /// <summary>The segment identifier (e.g. "SE"), or an empty string when none could be read.</summary>
    public string SegmentId { get; }

    /// <summary>The message without the "Segment N (ID):" prefix.</summary>
    public string Detail { get; }
}
