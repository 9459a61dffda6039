using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenCcs.Core.Calendar;
using OpenCcs.Data;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>A provider submits an eSAR in the portal.</summary>
[Authorize(Roles = OpenCcs.Data.Identity.Roles.Provider)]
public sealed class SubmitModel(SubmitSar handler, CcsDbContext db, CurrentUser user, TimeProvider clock) : SubmitFormModel(handler)
{
    public override bool PaperEntry => false;

    /// <summary>The organisation's individual providers paneled today, so the provider picks one instead of looking up an NPI.</summary>
    protected override async Task<IReadOnlyList<ProviderChoice>> ProviderChoicesAsync(CancellationToken cancellationToken)
    {
        if (user.OrganizationId is not { } org) return [];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, BusinessCalendar.Pacific));
        var providers = await db.Providers.AsNoTracking().Where(p => p.OrganizationId == org).ToListAsync(cancellationToken);
        return providers.Where(p => !p.IsFacility && p.IsAuthorizedOn(today))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new ProviderChoice(p.Npi.Value, p.Name)).ToList();
    }
}

/// <summary>County intake or a nurse enters a SAR received by fax or mail, with its received date and time.</summary>
[Authorize(Roles = OpenCcs.Data.Identity.Roles.CountyIntake + "," + OpenCcs.Data.Identity.Roles.NurseCaseManager)]
public sealed class EnterModel(SubmitSar handler) : SubmitFormModel(handler)
{
    public override bool PaperEntry => true;
}
