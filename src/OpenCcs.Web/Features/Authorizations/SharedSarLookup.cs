using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Web.Audit;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>
/// What a provider sharing a SAR (laboratory, radiology, anesthesiology) needs to bill under it, and nothing
/// more: whether it is approved and for which dates, and whom to enter as referring provider on the
/// CMS-1500 (boxes 17 and 17b) — none for a Special Care Center SAR (DOMAIN.md §5, reference/000).
/// </summary>
public sealed record SharedSar(
    string Number, bool Approved, string Status, DateOnly? AuthorizedFrom, DateOnly? AuthorizedTo,
    bool SpecialCareCenter, string? ReferringProviderName, string? ReferringProviderNpi, string Instructions);

/// <summary>Looks up a SAR by number and the child's date of birth; a wrong date of birth reads as not found. Every look is audited.</summary>
public sealed class SharedSarLookup(CcsDbContext db, Auditor auditor)
{
    public async Task<SharedSar?> HandleAsync(string? number, string? dateOfBirth, CancellationToken cancellationToken)
    {
        if (!SarNumber.TryParse(number, out var sarNumber)
            || !DateOnly.TryParseExact(dateOfBirth?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob))
            return null;
        var sar = await db.Sars.AsNoTracking().SingleOrDefaultAsync(s => s.Number == sarNumber, cancellationToken);
        if (sar is null) return null;
        var born = await db.Children.Where(c => c.Id == sar.ChildId).Select(c => c.DateOfBirth).SingleAsync(cancellationToken);
        if (born != dob)
        {
            await auditor.DeniedAsync("Sar", sar.Id.ToString(), sar.ChildId, cancellationToken);
            return null;
        }
        await auditor.ReadAsync("Sar", sar.Id.ToString(), sar.ChildId, cancellationToken);
        var approved = sar.Status is SarStatus.Approved or SarStatus.Modified;
        var from = sar.Lines.Min(l => l.AuthorizedFrom);
        var to = sar.Lines.Max(l => l.AuthorizedTo);
        var status = Sar.Describe(sar.Status);
        if (!approved)
            return new SharedSar(sar.Number.Value, false, status, null, null, false, null, null,
                $"SAR {sar.Number.Value} is {status}, not approved: services under it cannot be billed yet.");
        if (sar.Type == SarType.SpecialCareCenter)
            return new SharedSar(sar.Number.Value, true, status, from, to, true, null, null,
                "This is a Special Care Center SAR: enter no referring provider on the claim (CMS-1500 boxes 17 and 17b stay empty).");
        var providerId = sar.AuthorizedProviderId ?? sar.RequestingProviderId;
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == providerId).Select(p => new { p.Name, p.Npi }).SingleAsync(cancellationToken);
        return new SharedSar(sar.Number.Value, true, status, from, to, false, provider.Name, provider.Npi.Value,
            $"Enter {provider.Name} as the referring provider (CMS-1500 box 17) with NPI {provider.Npi.Value} (box 17b).");
    }
}
