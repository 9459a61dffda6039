namespace OpenCcs.X12;

/// <summary>What to do when an envelope trailer disagrees with its header.</summary>
public enum EnvelopeErrorHandling
{
    /// <summary>Record an <see cref="X12Issue"/> and keep reading (the default: real files often miscount SE01).</summary>
    Collect,

    /// <summary>Throw an <see cref="X12Exception"/> at the trailer.</summary>
    Throw,
}

public sealed record X12ReaderOptions
{
    public static X12ReaderOptions Default { get; } = new();

    /// <summary>Count and control-number mismatches in SE, GE and IEA. Missing or misplaced envelope segments are always fatal.</summary>
    public EnvelopeErrorHandling EnvelopeErrors { get; init; } = EnvelopeErrorHandling.Collect;

    /// <summary>A segment longer than this is treated as a missing terminator rather than buffered without bound.</summary>
    public int MaxSegmentLength { get; init; } = 1 << 20;
}
