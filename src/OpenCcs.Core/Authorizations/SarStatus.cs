namespace OpenCcs.Core.Authorizations;

/// <summary>SAR statuses [convention, DOMAIN.md §5]. Stored by name, so new members go at the end.</summary>
public enum SarStatus
{
    Draft,
    Submitted,
    InReview,
    PendedForInformation,
    Approved,
    Modified,
    Denied,

    /// <summary>Sent back by ISCD to the county for correction: routed wrongly or without the cover sheet (reference/004).</summary>
    Returned,
    Cancelled,

    /// <summary>Not a CCS request: sent elsewhere with an explanation, such as outpatient pharmacy to Medi-Cal Rx.</summary>
    Redirected,

    /// <summary>Forwarded by the county, with the SAR cover sheet, to one of ISCD's review queues (reference/004).</summary>
    ForwardedToIscd,
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
