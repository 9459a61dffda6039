using OpenCcs.Core.Authorizations;
using OpenCcs.Core.Counties;
using OpenCcs.Data.Identity;
using OpenCcs.Web.Auth;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>
/// Whose SARs a reviewer works: a county nurse the SARs their county office reviews, a plan reviewer those
/// the Whole Child Model plan reviews, an ISCD reviewer those forwarded to the State or pending too long.
/// Applied on top of <see cref="ChildAccess"/>, which already limits the county.
/// </summary>
public sealed class ReviewScope(CurrentUser user, CountyDirectory counties, IscdRoutingTable routing)
{
    public const string Reviewers = $"{Roles.NurseCaseManager},{Roles.PlanReviewer},{Roles.IscdReviewer}";

    public bool IsIscd => user.Role == Roles.IscdReviewer;

    /// <summary>
    /// Whether the reviewer may open the SAR's review: the county office's or the plan's own SARs; the State
    /// reviews for every county, so ISCD may open any (it acts only on those forwarded to it, see <see cref="Holds"/>).
    /// </summary>
    public bool Reviews(Sar sar) => user.Role switch
    {
        Roles.NurseCaseManager => ReviewerOf(sar).Kind == ReviewerKind.County,
        Roles.PlanReviewer => ReviewerOf(sar).Kind == ReviewerKind.Plan,
        Roles.IscdReviewer => true,
        _ => false,
    };

    /// <summary>Whether the SAR belongs on this reviewer's worklist: ISCD's holds the forwarded SARs and those pending too long.</summary>
    public bool Lists(Sar sar, DateTime nowUtc) =>
        IsIscd ? sar.Status == SarStatus.ForwardedToIscd || routing.IsEscalated(sar, nowUtc) : Reviews(sar) && Holds(sar);

    /// <summary>Whether it is this reviewer's turn to act: ISCD acts on forwarded SARs, the county or plan on the rest.</summary>
    public bool Holds(Sar sar) => IsIscd ? sar.Status == SarStatus.ForwardedToIscd : sar.Status != SarStatus.ForwardedToIscd;

    public SarReviewer ReviewerOf(Sar sar) => ReviewerRouting.ReviewerFor(counties.Get(sar.County), sar, ccsOnly: false);
}
