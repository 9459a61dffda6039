namespace OpenCcs.Core.Authorizations;

/// <summary>SAR statuses [convention, DOMAIN.md §5].</summary>
public enum SarStatus
{
    Draft,
    Submitted,
    InReview,
    PendedForInformation,
    Approved,
    Modified,
    Denied,
    Returned,
    Cancelled,
    Redirected,
}

/// <summary>Which form the request came on (DHCS 4488, 4509, 4489).</summary>
public enum SarFormType
{
    NewReferral,
    EstablishedClient,
    DischargePlanning,
}

public enum ServiceCodeSystem
{
    Cpt,
    Hcpcs,
    Ndc,
    SupplyCode,
    InpatientDays,
}
