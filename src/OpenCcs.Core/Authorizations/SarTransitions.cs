namespace OpenCcs.Core.Authorizations;

/// <summary>
/// The SAR status machine [convention, DOMAIN.md §5, §7]: the county reviews, may pend for information or
/// forward to ISCD; ISCD decides, pends or returns to the county; approved, modified, denied, cancelled
/// and redirected SARs are settled.
/// </summary>
public static class SarTransitions
{
    private static readonly Dictionary<SarStatus, SarStatus[]> Allowed = new()
    {
        [SarStatus.Draft] = [SarStatus.Submitted, SarStatus.Cancelled],
        [SarStatus.Submitted] = [SarStatus.InReview, SarStatus.Redirected, SarStatus.Cancelled],
        [SarStatus.InReview] =
            [SarStatus.Approved, SarStatus.Modified, SarStatus.Denied, SarStatus.PendedForInformation, SarStatus.ForwardedToIscd, SarStatus.Redirected, SarStatus.Cancelled],
        [SarStatus.PendedForInformation] = [SarStatus.InReview, SarStatus.ForwardedToIscd, SarStatus.Cancelled],
        [SarStatus.ForwardedToIscd] =
            [SarStatus.Approved, SarStatus.Modified, SarStatus.Denied, SarStatus.PendedForInformation, SarStatus.Returned, SarStatus.Cancelled],
        [SarStatus.Returned] = [SarStatus.InReview, SarStatus.ForwardedToIscd, SarStatus.Cancelled],
        [SarStatus.Approved] = [],
        [SarStatus.Modified] = [],
        [SarStatus.Denied] = [],
        [SarStatus.Cancelled] = [],
        [SarStatus.Redirected] = [],
    };

    public static bool IsAllowed(SarStatus from, SarStatus to) => Allowed[from].Contains(to);

    /// <summary>The statuses a SAR in <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<SarStatus> From(SarStatus from) => Allowed[from];
}
