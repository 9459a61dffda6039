namespace OpenCcs.Data.Documents;

/// <summary>A file sent with a SAR (clinic notes, prescriptions). Checked by <c>AttachmentRules</c> before it is stored.</summary>
public sealed class SarDocument
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid SarId { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required long SizeBytes { get; init; }

    public required byte[] Content { get; init; }

    public required DateTime UploadedAt { get; init; }

    public required string UploadedBy { get; init; }
}
