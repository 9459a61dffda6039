using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Children;
using OpenCcs.Core.Common;
using OpenCcs.Data;
using OpenCcs.Data.Auditing;
using OpenCcs.Data.Identity;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Children;

/// <summary>A mailing address as a form or API sends it; every part is checked, and all problems reported at once.</summary>
public sealed record AddressInput(string? Street, string? Unit, string? City, string? State, string? ZipCode);

/// <summary>The guardian whose address is being changed, as the form shows it.</summary>
public sealed record GuardianAddressView(Guid ChildId, string ChildName, int GuardianId, string GuardianName, PostalAddress? Address);

public abstract record AddressChange
{
    public sealed record Saved(PostalAddress Address) : AddressChange;

    /// <summary>No such child or guardian within the user's scope.</summary>
    public sealed record NotFound : AddressChange;

    /// <summary>The child is in scope, but this user may not change this guardian's address.</summary>
    public sealed record Refused(string Detail) : AddressChange;

    public sealed record Invalid(IReadOnlyList<AddressProblem> Problems) : AddressChange
    {
        public Dictionary<string, string[]> ByField() =>
            Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
    }
}

/// <summary>
/// A guardian's mailing address, where the family's notices go (DOMAIN.md §8). County staff change it for
/// children of their county; a family member changes their own. Reads and changes are audited.
/// </summary>
public sealed class ChangeGuardianAddress(CcsDbContext db, ChildAccess access, CurrentUser user, Auditor auditor, TimeProvider clock)
{
    public async Task<GuardianAddressView?> LoadAsync(Guid childId, int guardianId, CancellationToken cancellationToken)
    {
        var child = await access.Children().AsNoTracking().SingleOrDefaultAsync(c => c.Id == childId, cancellationToken);
        if (child?.Guardians.FirstOrDefault(g => g.Id == guardianId) is not { } guardian || Refusal(guardian) is not null)
        {
            if (await db.Children.AnyAsync(c => c.Id == childId, cancellationToken))
                await auditor.DeniedAsync("Child", childId.ToString(), childId, cancellationToken);
            return null;
        }
        await auditor.ReadAsync("Child", childId.ToString(), childId, cancellationToken);
        return new GuardianAddressView(child.Id, child.Name.Full, guardian.Id, guardian.Name.Full, guardian.Address);
    }

    public async Task<AddressChange> HandleAsync(Guid childId, int guardianId, AddressInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var child = await access.Children().SingleOrDefaultAsync(c => c.Id == childId, cancellationToken);
        if (child?.Guardians.FirstOrDefault(g => g.Id == guardianId) is not { } guardian)
        {
            if (await db.Children.AnyAsync(c => c.Id == childId, cancellationToken))
                await auditor.DeniedAsync("Child", childId.ToString(), childId, cancellationToken);
            return new AddressChange.NotFound();
        }
        if (Refusal(guardian) is { } refusal)
        {
            await auditor.DeniedAsync("Child", childId.ToString(), childId, cancellationToken);
            return new AddressChange.Refused(refusal);
        }
        var problems = PostalAddress.Check(input.Street, input.City, input.State, input.ZipCode);
        if (problems.Count > 0) return new AddressChange.Invalid(problems);

        var address = new PostalAddress(input.Street!, input.Unit, input.City!, input.State!, input.ZipCode!);
        child.ChangeGuardianAddress(guardian, address, clock.GetUtcNow().UtcDateTime);
        auditor.Record(AuditAction.Update, "Child", childId.ToString(), childId);
        await db.SaveChangesAsync(cancellationToken);
        return new AddressChange.Saved(address);
    }

    /// <summary>Why this user may not change this guardian's address, or null when they may.</summary>
    private string? Refusal(Guardian guardian) => user.Role switch
    {
        Roles.CountyIntake or Roles.EligibilityWorker or Roles.NurseCaseManager => null,
        Roles.Family when guardian.AccountId == user.Id => null,
        Roles.Family => "A family member can change their own mailing address; ask the county CCS office to change another guardian's.",
        _ => "Only county CCS staff and the family can change a family's mailing address.",
    };
}
