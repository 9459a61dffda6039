namespace OpenCcs.Core.Counties;

/// <summary>
/// How to reach a CCS office, copied as printed in the reference page named by <see cref="Source"/>.
/// Any part the page does not give is null.
/// </summary>
public sealed record CountyOfficeContact(
    string? Phone,
    string? AlternatePhone,
    string? Fax,
    string? MailingAddress,
    string? PhysicalAddress,
    string Source);
