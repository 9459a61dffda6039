using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Counties;
using OpenCcs.Data;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;

namespace OpenCcs.Web.Tests.Testing;

/// <summary>
/// A child and one of their SARs that a caller may see, for filling in route parameters, and a guardian of
/// that child: the family's own entry for a family, the first guardian for anyone else.
/// </summary>
public sealed record VisibleRecords(Guid ChildId, string SarNumber)
{
    public int GuardianId { get; init; }
}

/// <summary>
/// Finds, straight from the database, a record inside each caller's scope as the program defines it
/// (county, organisation, family), so a refusal in a test is the role's doing and never the record's.
/// </summary>
public static class ScopedRecords
{
    public const string ProviderOrganization = "Sunrise Pediatric Specialists";

    /// <summary>Sacramento: a county none of the demo accounts works in, so only the state sees it.</summary>
    public const int StateOnlyCounty = 34;

    public static async Task<VisibleRecords> ForAsync(CcsDbContext db, string principal)
    {
        var records = await InScopeAsync(db, principal);
        var guardians = await db.Children.Where(c => c.Id == records.ChildId).SelectMany(c => c.Guardians)
            .Select(g => new { g.Id, g.AccountId }).OrderBy(g => g.Id).ToListAsync();
        var family = principal == Roles.Family
            ? await db.Users.Where(u => u.Email == DemoAccounts.For(Roles.Family).Email).Select(u => u.Id).SingleAsync()
            : null;
        return records with { GuardianId = guardians.First(g => family is null || g.AccountId == family).Id };
    }

    private static async Task<VisibleRecords> InScopeAsync(CcsDbContext db, string principal) => principal switch
    {
        Roles.Family => await OfFamilyAsync(db, DemoAccounts.For(Roles.Family).Email),
        Roles.Provider => await OfOrganizationAsync(db, ProviderOrganization),
        Roles.PlanReviewer => await InCountyAsync(db, DemoAccounts.PlanCounty),
        Roles.IscdReviewer => await InCountyAsync(db, StateOnlyCounty),
        // County staff see their county; the administrator and anonymous callers are refused, so any record will do.
        _ => await InCountyAsync(db, DemoAccounts.HomeCounty),
    };

    public static async Task<VisibleRecords> InCountyAsync(CcsDbContext db, int county)
    {
        var code = CountyCode.From(county);
        var sar = await db.Sars.Where(s => db.Children.Any(c => c.Id == s.ChildId && c.CountyOfResidence == code))
            .OrderBy(s => s.Number).Select(s => new { s.ChildId, s.Number }).FirstAsync();
        return new VisibleRecords(sar.ChildId, sar.Number.Value);
    }

    public static async Task<VisibleRecords> OfFamilyAsync(CcsDbContext db, string email)
    {
        var account = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var sar = await db.Sars.Where(s => db.Children.Any(c => c.Id == s.ChildId && c.Guardians.Any(g => g.AccountId == account)))
            .OrderBy(s => s.Number).Select(s => new { s.ChildId, s.Number }).FirstAsync();
        return new VisibleRecords(sar.ChildId, sar.Number.Value);
    }

    public static async Task<VisibleRecords> OfOrganizationAsync(CcsDbContext db, string organization)
    {
        var providers = OrganizationProviders(db, organization);
        var sar = await db.Sars.Where(s => providers.Contains(s.RequestingProviderId))
            .OrderBy(s => s.Number).Select(s => new { s.ChildId, s.Number }).FirstAsync();
        return new VisibleRecords(sar.ChildId, sar.Number.Value);
    }

    public static IQueryable<Guid> OrganizationProviders(CcsDbContext db, string organization) =>
        db.Providers.Where(p => db.ProviderOrganizations.Any(o => o.Id == p.OrganizationId && o.Name == organization)).Select(p => p.Id);
}
