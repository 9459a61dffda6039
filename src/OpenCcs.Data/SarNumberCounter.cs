namespace OpenCcs.Data;

/// <summary>The last SAR sequence used in a county; the next SAR number takes the one after it.</summary>
public sealed class SarNumberCounter
{
    public int CountyCode { get; set; }

    public long LastSequence { get; set; }

    public int Version { get; set; }
}
