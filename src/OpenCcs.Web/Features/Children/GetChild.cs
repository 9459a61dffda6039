using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Common;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Referrals;
using OpenCcs.Data;
using OpenCcs.Data.Identity;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Children;

/// <param name="CanChangeAddress">Whether the caller may change this guardian's mailing address.</param>
public sealed record GuardianView(int Id, string Name, string Relationship, string? Phone, PostalAddress? Address, bool CanChangeAddress);

/// <param name="From">Null for a CIN the child already had when first recorded.</param>
/// <param name="To">The last date the CIN covered; null while it is the current one.</param>
public sealed record CinView(string Cin, DateOnly? From, DateOnly? To);

public sealed record CaseView(Guid Id, CaseProgram Program, string DiagnosisCode, DateOnly OpenedOn, CaseStatus Status, DateOnly? ClosedOn);

public sealed record ReferralView(Guid Id, DateTime ReceivedAt, string ReferrerName, string SuspectedCondition, ReferralStatus Status);

public sealed record SarSummary(string Number, SarStatus Status, string DiagnosisCode, DateTime ReceivedAt, bool Expedited, string FirstService);

public sealed record ChildDetails(
    Guid Id, string FirstName, string LastName, DateOnly DateOfBirth, int Age, string? Cin, IReadOnlyList<CinView> CinHistory, string County, Language Language,
    IReadOnlyList<GuardianView> Guardians, IReadOnlyList<CaseView> Cases, IReadOnlyList<ReferralView> Referrals, IReadOnlyList<SarSummary> Sars);

/// <summary>One child's record with their cases, referrals and SARs, as far as the user's scope reaches. Every look is audited.</summary>
public sealed class GetChild(CcsDbContext db, ChildAccess access, CurrentUser user, CountyDirectory counties, Auditor auditor, TimeProvider clock)
{
    public async Task<ChildDetails?> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var child = await access.Children().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (child is null)
        {
            // Out-of-scope and missing look the same to the user; an out-of-scope attempt is recorded.
            if (await db.Children.AnyAsync(c => c.Id == id, cancellationToken))
                await auditor.DeniedAsync("Child", id.ToString(), id, cancellationToken);
            return null;
        }
        var cases = await access.Cases().Where(c => c.ChildId == id).OrderByDescending(c => c.OpenedOn)
            .Select(c => new CaseView(c.Id, c.Program, c.DiagnosisCode, c.OpenedOn, c.Status, c.ClosedOn)).ToListAsync(cancellationToken);
        var referrals = await access.Referrals().Where(r => r.ChildId == id).OrderByDescending(r => r.ReceivedAt)
            .Select(r => new ReferralView(r.Id, r.ReceivedAt, r.ReferrerName, r.SuspectedCondition, r.Status)).ToListAsync(cancellationToken);
        var sars = await access.Sars().AsNoTracking().Where(s => s.ChildId == id).OrderByDescending(s => s.ReceivedAt).ToListAsync(cancellationToken);
        await auditor.ReadAsync("Child", id.ToString(), id, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new ChildDetails(
            child.Id, child.Name.First, child.Name.Last, child.DateOfBirth, child.AgeOn(today), child.Cin?.Value,
            child.CinHistory.Select(c => new CinView(c.Cin.Value, c.From, c.To)).ToList(),
            counties.Get(child.CountyOfResidence).Name, child.Language,
            child.Guardians.Select(g => new GuardianView(g.Id, g.Name.Full, g.Relationship, g.Phone, g.Address,
                Roles.CountyStaff.Contains(user.Role) || (user.Role == Roles.Family && g.AccountId == user.Id))).ToList(),
            cases, referrals,
            sars.Select(s => new SarSummary(s.Number.Value, s.Status, s.DiagnosisCode, s.ReceivedAt, s.Expedited, s.Lines[0].Description)).ToList());
    }
}
