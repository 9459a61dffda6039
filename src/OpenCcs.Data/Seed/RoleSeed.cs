using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Data.Identity;

namespace OpenCcs.Data.Seed;

/// <summary>The roles are part of the system, not demo data: every start makes sure they exist.</summary>
public static class RoleSeed
{
    public static async Task EnsureRolesAsync(CcsDbContext db, CancellationToken cancellationToken = default)
    {
        var existing = await db.Roles.Select(r => r.Name!).ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Except(existing))
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync(cancellationToken);
    }
}
