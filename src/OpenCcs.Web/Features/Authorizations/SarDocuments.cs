using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data;
using OpenCcs.Data.Documents;
using OpenCcs.Data.Identity;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;
using OpenCcs.Web.Features.Notices;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>A letter or sheet made for a SAR, as its page and <c>GET /api/v1/sars/{number}</c> list it.</summary>
public sealed record SarDocumentView(Guid Id, NoticeKind Kind, string Title, DateTime CreatedAt);

/// <summary>
/// Which of a SAR's documents a role may open, among the SARs it may see at all: the requesting provider gets the
/// approval (the copy a provider keeps, and the one the family is mailed); a family the letters mailed to it; the
/// county office, the plan reviewer and ISCD every document, the cover sheet included.
/// </summary>
public static class SarDocumentAccess
{
    public static IQueryable<Notice> Visible(IQueryable<Notice> notices, string role) => role switch
    {
        Roles.Provider => notices.Where(n => n.Kind == NoticeKind.ApprovalLetter),
        Roles.Family => notices.Where(n => n.ForFamily),
        _ => notices,
    };

    public static async Task<IReadOnlyList<SarDocumentView>> ListAsync(CcsDbContext db, Guid sarId, string role, CancellationToken cancellationToken)
    {
        var rows = await Visible(db.Notices.AsNoTracking().Where(n => n.SarId == sarId), role)
            .Select(n => new { n.Id, n.Kind, n.Title, n.CreatedAt }).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.CreatedAt).Select(r => new SarDocumentView(r.Id, r.Kind, r.Title, r.CreatedAt)).ToList();
    }
}

/// <summary>
/// One document of a SAR as a PDF, for a user who may see the SAR and that kind of document; anything else is not
/// found, and an attempt on a document that exists is audited as denied.
/// </summary>
public sealed class GetSarDocument(CcsDbContext db, ChildAccess access, CurrentUser user, Auditor auditor)
{
    public async Task<NoticePdf?> HandleAsync(string number, Guid id, CancellationToken cancellationToken)
    {
        var notice = SarNumber.TryParse(number, out var sarNumber)
            ? await SarDocumentAccess.Visible(db.Notices.AsNoTracking(), user.Role)
                .Where(n => n.Id == id && access.Sars().Any(s => s.Id == n.SarId && s.Number == sarNumber))
                .Select(n => new { n.Id, n.ChildId, n.Kind, n.Pdf }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (notice is null)
        {
            var other = await db.Notices.AsNoTracking().Where(n => n.Id == id).Select(n => new { n.ChildId }).SingleOrDefaultAsync(cancellationToken);
            if (other is not null) await auditor.DeniedAsync("Notice", id.ToString(), other.ChildId, cancellationToken);
            return null;
        }
        await auditor.ReadAsync("Notice", notice.Id.ToString(), notice.ChildId, cancellationToken);
        return new NoticePdf($"SAR-{number}-{notice.Kind}-{notice.Id.ToString("N")[..8]}.pdf", notice.Pdf);
    }
}
