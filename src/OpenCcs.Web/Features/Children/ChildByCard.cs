using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Counties;
using OpenCcs.Core.Identifiers;
using OpenCcs.Data;
using OpenCcs.Data.Identity;
using OpenCcs.Web.Auth;
using OpenCcs.Web.Features.Authorizations;

namespace OpenCcs.Web.Features.Children;

/// <summary>The child a provider or county worker names by the CIN or BIC ID on the child's card and the date of birth.</summary>
public sealed record CardChild(Guid Id, CountyCode County, bool HasOpenCase);

/// <summary>
/// Finds a child from what is on the Benefits Identification Card, reporting mistakes against <c>clientId</c> and
/// <c>dateOfBirth</c>. An unknown CIN and a wrong date of birth read the same, so a form reveals nothing about who is
/// enrolled; county staff find only their own county's children.
/// </summary>
public sealed class ChildByCard(CcsDbContext db, CurrentUser user)
{
    public const string NotFound = "We found no child with this CIN or BIC ID and date of birth. Check both against the child's BIC card.";

    public async Task<CardChild?> FindAsync(string? clientId, string? dateOfBirth, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var id = clientId?.Trim().ToUpperInvariant();
        Cin? cin = null;
        if (string.IsNullOrEmpty(id)) errors.Add("clientId", "Enter the child's CIN (9 characters) or BIC ID (14 characters).");
        else if (Cin.TryParse(id, out var c)) cin = c;
        else if (BicId.TryParse(id, out var bic)) cin = bic.Cin;
        else errors.Add("clientId", $"{id} is neither a CIN (9 characters) nor a BIC ID (14 characters).");
        DateOnly? dob = null;
        if (string.IsNullOrWhiteSpace(dateOfBirth)) errors.Add("dateOfBirth", "Enter the child's date of birth.");
        else if (DateOnly.TryParseExact(dateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) dob = d;
        else errors.Add("dateOfBirth", "Enter the date of birth as year-month-day, for example 2015-04-30.");
        if (cin is null || dob is null) return null;
        var found = await ChildByCin(cin.Value, cancellationToken);
        if (found is null || found.DateOfBirth != dob.Value || !MayEnterFor(found.CountyOfResidence))
        {
            // A CIN the child held before (with the right date of birth) is told apart: the sender knows the child,
            // and needs the current CIN from the child's card. The current CIN itself is not shown.
            var former = found is null ? await FormerCinAsync(cin.Value, cancellationToken) : null;
            errors.Add("clientId", former is { } f && f.DateOfBirth == dob.Value && MayEnterFor(f.CountyOfResidence)
                ? $"{cin.Value} is a former CIN of this child; it was replaced after {f.LastCovered:yyyy-MM-dd}. Enter the child's current CIN or BIC ID."
                : NotFound);
            return null;
        }
        return new CardChild(found.Id, found.CountyOfResidence, found.HasOpenCase);
    }

    private sealed record ChildMatch(Guid Id, DateOnly DateOfBirth, CountyCode CountyOfResidence, bool HasOpenCase);

    private sealed record FormerCin(DateOnly DateOfBirth, CountyCode CountyOfResidence, DateOnly? LastCovered);

    // County staff enter records for their own county's children; providers for any child they treat.
    private bool MayEnterFor(CountyCode county) => user.Role is not (Roles.CountyIntake or Roles.EligibilityWorker or Roles.NurseCaseManager) || user.County == county;

    // Asked only when no child has the CIN now: the child who held it before, with the last date it covered.
    private Task<FormerCin?> FormerCinAsync(Cin cin, CancellationToken cancellationToken) =>
        db.Children.AsNoTracking().Where(ch => ch.CinHistory.Any(k => k.Cin == cin && k.To != null))
            .Select(ch => new FormerCin(ch.DateOfBirth, ch.CountyOfResidence, ch.CinHistory.Where(k => k.Cin == cin).Select(k => k.To).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);

    // One query finds the child and whether they have an open case.
    private Task<ChildMatch?> ChildByCin(Cin cin, CancellationToken cancellationToken) =>
        db.Children.AsNoTracking().Where(ch => ch.Cin == cin)
            .Select(ch => new ChildMatch(ch.Id, ch.DateOfBirth, ch.CountyOfResidence, db.Cases.Any(k => k.ChildId == ch.Id && k.Status == CaseStatus.Open)))
            .SingleOrDefaultAsync(cancellationToken);
}
