using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Cases;
using OpenCcs.Core.Children;
using OpenCcs.Core.Referrals;
using OpenCcs.Data;
using OpenCcs.Data.Identity;

namespace OpenCcs.Web.Auth;

/// <summary>
/// The one place that answers "which children, and which of their records, may this user see".
/// Every query of child data starts here:
/// county and plan staff see their county; state reviewers see every county; providers see children
/// their organisation has requested services or referred for, and their own organisation's SARs;
/// families see the children they are guardian of; anyone else sees nothing.
/// </summary>
public sealed class ChildAccess(CcsDbContext db, CurrentUser user)
{
    public IQueryable<Child> Children()
    {
        var children = db.Children.AsQueryable();
        switch (user.Role)
        {
            case Roles.CountyIntake or Roles.EligibilityWorker or Roles.NurseCaseManager or Roles.PlanReviewer:
                if (user.County is not { } county) return children.Where(_ => false);
                return children.Where(c => c.CountyOfResidence == county);
            case Roles.IscdReviewer:
                return children;
            case Roles.Provider:
                if (user.OrganizationId is not { } org) return children.Where(_ => false);
                var orgProviders = db.Providers.Where(p => p.OrganizationId == org).Select(p => p.Id);
                return children.Where(c =>
                    db.Sars.Any(s => s.ChildId == c.Id && (orgProviders.Contains(s.RequestingProviderId) || (s.FacilityId != null && orgProviders.Contains(s.FacilityId.Value))))
                    || db.Referrals.Any(r => r.ChildId == c.Id && r.ReferringProviderId != null && orgProviders.Contains(r.ReferringProviderId.Value)));
            case Roles.Family:
                var account = user.Id;
                return children.Where(c => c.Guardians.Any(g => g.AccountId == account));
            default:
                return children.Where(_ => false);
        }
    }

    /// <summary>SARs of visible children; a provider sees only their own organisation's requests, not a colleague's elsewhere.</summary>
    public IQueryable<Sar> Sars()
    {
        if (user.Role == Roles.Provider)
        {
            if (user.OrganizationId is not { } org) return db.Sars.Where(_ => false);
            var orgProviders = db.Providers.Where(p => p.OrganizationId == org).Select(p => p.Id);
            return db.Sars.Where(s => orgProviders.Contains(s.RequestingProviderId) || (s.FacilityId != null && orgProviders.Contains(s.FacilityId.Value)));
        }
        var children = Children().Select(c => c.Id);
        return db.Sars.Where(s => children.Contains(s.ChildId));
    }

    public IQueryable<CcsCase> Cases()
    {
        var children = Children().Select(c => c.Id);
        return db.Cases.Where(c => children.Contains(c.ChildId));
    }

    public IQueryable<Referral> Referrals()
    {
        var children = Children().Select(c => c.Id);
        return db.Referrals.Where(r => children.Contains(r.ChildId));
    }
}
