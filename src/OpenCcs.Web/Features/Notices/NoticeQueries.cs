using Microsoft.EntityFrameworkCore;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Documents;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace OpenCcs.Web.Features.Notices;

public sealed record NoticeListItem(Guid Id, string Title, NoticeKind Kind, string ChildName, DateTime CreatedAt, DateOnly DueBy, bool Mailed);

public sealed record NoticePdf(string FileName, byte[] Content);

/// <summary>The notices sent to a family about their children, newest first.</summary>
public sealed class ListFamilyNotices(CcsDbContext db, ChildAccess access, Auditor auditor)
{
    public async Task<IReadOnlyList<NoticeListItem>> HandleAsync(CancellationToken cancellationToken)
    {
        var children = access.Children();
        var rows = await db.Notices.AsNoTracking()
            .Where(n => n.ForFamily && children.Any(c => c.Id == n.ChildId))
            .Join(db.Children, n => n.ChildId, c => c.Id, (n, c) => new { n.Id, n.Title, n.Kind, c.Name.First, c.Name.Last, n.CreatedAt, n.DueBy, Mailed = n.MailingBatchId != null })
            .ToListAsync(cancellationToken);
        await auditor.SearchAsync("Notice", cancellationToken);
        return rows.OrderByDescending(r => r.CreatedAt)
            .Select(r => new NoticeListItem(r.Id, r.Title, r.Kind, $"{r.First} {r.Last}", r.CreatedAt, r.DueBy, r.Mailed)).ToList();
    }
}

/// <summary>One family notice's PDF, for a guardian of its child; anything else is not found, and the attempt audited.</summary>
public sealed class GetNoticePdf(CcsDbContext db, ChildAccess access, Auditor auditor)
{
    public async Task<NoticePdf?> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var children = access.Children();
        var notice = await db.Notices.AsNoTracking()
            .Where(n => n.Id == id && n.ForFamily && children.Any(c => c.Id == n.ChildId))
            .Select(n => new { n.Id, n.ChildId, n.Kind, n.Pdf }).SingleOrDefaultAsync(cancellationToken);
        if (notice is null)
        {
            var other = await db.Notices.AsNoTracking().Where(n => n.Id == id).Select(n => new { n.ChildId }).SingleOrDefaultAsync(cancellationToken);
            if (other is not null) await auditor.DeniedAsync("Notice", id.ToString(), other.ChildId, cancellationToken);
            return null;
        }
        await auditor.ReadAsync("Notice", notice.Id.ToString(), notice.ChildId, cancellationToken);
        return new NoticePdf($"{notice.Kind}-{notice.Id:N}.pdf", notice.Pdf);
    }
}

public sealed record MailingQueue(IReadOnlyList<MailingLetter> Unbatched, IReadOnlyList<MailingBatchItem> Batches)
{
    /// <summary>Letters whose family has no mailing address on file: the envelope is addressed by hand from the case file.</summary>
    public int WithoutAddress => Unbatched.Count(l => l.NoAddressOnFile);
}

/// <summary>A letter waiting to be mailed; <paramref name="NoAddressOnFile"/> when none of the child's guardians has a mailing address.</summary>
public sealed record MailingLetter(NoticeListItem Notice, Guid ChildId, bool NoAddressOnFile);

public sealed record MailingBatchItem(Guid Id, DateTime CreatedAt, int Notices);

/// <summary>
/// The county office's mail: family notices not yet in a batch, due soonest first; creating a batch takes them all,
/// once; a batch prints as one PDF.
/// </summary>
public sealed class MailingBatches(CcsDbContext db, CurrentUser user, Auditor auditor, TimeProvider clock)
{
    public async Task<MailingQueue> ListAsync(CancellationToken cancellationToken)
    {
        if (user.County is not { } county) return new([], []);
        var unbatched = await db.Notices.AsNoTracking()
            .Where(n => n.ForFamily && n.CountyCode == county.Value && n.MailingBatchId == null)
            .Join(db.Children, n => n.ChildId, c => c.Id, (n, c) => new
            {
                n.Id, n.Title, n.Kind, c.Name.First, c.Name.Last, n.CreatedAt, n.DueBy, n.ChildId,
                NoAddress = !c.Guardians.Any(g => g.Address != null),
            })
            .ToListAsync(cancellationToken);
        var batches = await db.MailingBatches.AsNoTracking().Where(b => b.CountyCode == county.Value)
            .Select(b => new { b.Id, b.CreatedAt, Count = db.Notices.Count(n => n.MailingBatchId == b.Id) }).ToListAsync(cancellationToken);
        await auditor.SearchAsync("Notice", cancellationToken);
        return new(
            unbatched.OrderBy(n => n.DueBy).ThenBy(n => n.CreatedAt)
                .Select(n => new MailingLetter(new NoticeListItem(n.Id, n.Title, n.Kind, $"{n.First} {n.Last}", n.CreatedAt, n.DueBy, false), n.ChildId, n.NoAddress))
                .ToList(),
            batches.OrderByDescending(b => b.CreatedAt).Select(b => new MailingBatchItem(b.Id, b.CreatedAt, b.Count)).ToList());
    }

    /// <summary>Puts every unbatched family notice of the county into a new batch; null when there is nothing to mail.</summary>
    public async Task<Guid?> CreateAsync(CancellationToken cancellationToken)
    {
        if (user.County is not { } county) return null;
        var notices = await db.Notices.Where(n => n.ForFamily && n.CountyCode == county.Value && n.MailingBatchId == null).ToListAsync(cancellationToken);
        if (notices.Count == 0) return null;
        var batch = new MailingBatch { CountyCode = county.Value, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Id };
        db.MailingBatches.Add(batch);
        foreach (var notice in notices)
        {
            notice.MailingBatchId = batch.Id;
            auditor.Record(AuditAction.Update, "Notice", notice.Id.ToString(), notice.ChildId);
        }
        await db.SaveChangesAsync(cancellationToken);
        return batch.Id;
    }

    /// <summary>Every letter of the batch, in due order, as one printable PDF; null when the batch is not this county's.</summary>
    public async Task<NoticePdf?> PdfAsync(Guid batchId, CancellationToken cancellationToken)
    {
        if (user.County is not { } county) return null;
        var exists = await db.MailingBatches.AnyAsync(b => b.Id == batchId && b.CountyCode == county.Value, cancellationToken);
        if (!exists) return null;
        var notices = await db.Notices.AsNoTracking().Where(n => n.MailingBatchId == batchId)
            .Select(n => new { n.Id, n.ChildId, n.DueBy, n.CreatedAt, n.Pdf }).ToListAsync(cancellationToken);
        using var output = new PdfDocument();
        foreach (var notice in notices.OrderBy(n => n.DueBy).ThenBy(n => n.CreatedAt))
        {
            using var input = new MemoryStream(notice.Pdf);
            using var letter = PdfReader.Open(input, PdfDocumentOpenMode.Import);
            foreach (var page in letter.Pages) output.AddPage(page);
            auditor.Record(AuditAction.Export, "Notice", notice.Id.ToString(), notice.ChildId);
        }
        await db.SaveChangesAsync(cancellationToken);
        using var stream = new MemoryStream();
        output.Save(stream, false);
        return new NoticePdf($"mailing-batch-{batchId:N}.pdf", stream.ToArray());
    }
}
