namespace OpenCcs.Web.Auth;

/// <summary>Claim types that carry a user's scope, in both the sign-in cookie and bearer tokens.</summary>
public static class CcsClaims
{
    public const string County = "ccs:county";
    public const string Organization = "ccs:organization";
    public const string DisplayName = "ccs:name";
}
