using Microsoft.AspNetCore.Identity;

namespace OpenCcs.Data.Identity;

/// <summary>
/// A person who signs in. Their role says what they may do; their scope says to whose records:
/// a county (county and plan staff), a provider organisation (providers), or the children whose
/// guardian they are (families, linked through <c>Guardian.AccountId</c>).
/// </summary>
public sealed class CcsUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>CCS county code (1–58) for county and plan staff.</summary>
    public int? CountyCode { get; set; }

    public Guid? ProviderOrganizationId { get; set; }
}
