using Microsoft.AspNetCore.Authorization;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>A provider submits an eSAR in the portal.</summary>
[Authorize(Roles = OpenCcs.Data.Identity.Roles.Provider)]
public sealed class SubmitModel(SubmitSar handler) : SubmitFormModel(handler)
{
    public override bool PaperEntry => false;
}

/// <summary>County intake or a nurse enters a SAR received by fax or mail, with its received date and time.</summary>
[Authorize(Roles = OpenCcs.Data.Identity.Roles.CountyIntake + "," + OpenCcs.Data.Identity.Roles.NurseCaseManager)]
public sealed class EnterModel(SubmitSar handler) : SubmitFormModel(handler)
{
    public override bool PaperEntry => true;
}
