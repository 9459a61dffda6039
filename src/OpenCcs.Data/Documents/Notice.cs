using OpenCcs.Core.Common;

namespace OpenCcs.Data.Documents;

public enum NoticeKind
{
    ApprovalLetter,
    NoticeOfAction,
    SarCoverSheet,
}

/// <summary>
/// A rendered letter: the family sees it in the portal, and county staff print and mail it in a batch.
/// The PDF is kept as sent; a correction is a new notice, never an edit.
/// </summary>
public sealed class Notice
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required NoticeKind Kind { get; init; }

    public required Guid ChildId { get; init; }

    public Guid? SarId { get; init; }

    public required int CountyCode { get; init; }

    public required Language Language { get; init; }

    public required string Title { get; init; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>The date by which it must be sent (a Notice of Action: 7 calendar days after the decision).</summary>
    public required DateOnly DueBy { get; init; }

    public required byte[] Pdf { get; init; }

    /// <summary>Whether it goes to the family by mail (cover sheets go to the state, not to families).</summary>
    public required bool ForFamily { get; init; }

    public Guid? MailingBatchId { get; set; }
}

/// <summary>A printable bundle of notices a county office mails together.</summary>
public sealed class MailingBatch
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required int CountyCode { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime? MailedAt { get; set; }

    public int Version { get; set; }
}
