namespace OpenCcs.Web.Notices;

// The plain data the notices are drawn from. The caller fills these from its own records; the
// renderers read nothing else (no database, no request, no clock), so the same data gives the
// same document.

/// <summary>The CCS office a notice comes from: its letterhead and the number families call.</summary>
/// <param name="Name">As the family knows it, e.g. "Fresno County California Children's Services".</param>
/// <param name="Address">The office's mailing address; line breaks are kept, otherwise it wraps.</param>
/// <param name="Phone">The number a family calls with questions.</param>
/// <param name="Fax">Optional; printed on the letterhead when given.</param>
public sealed record CountyOffice(string Name, string Address, string Phone, string? Fax = null);

/// <summary>A United States mailing address, printed one part per line as on an envelope.</summary>
public sealed record MailingAddress(string Street, string? Unit, string City, string State, string PostalCode)
{
    public IEnumerable<string> Lines()
    {
        yield return Street;
        if (!string.IsNullOrWhiteSpace(Unit))
            yield return Unit;
        yield return $"{City}, {State} {PostalCode}";
    }
}

/// <summary>Who the notice is mailed to: the parent, guardian, or the youth, with the address it goes to.</summary>
public sealed record NoticeRecipient(string Name, MailingAddress Address);

/// <summary>The child the notice is about.</summary>
public sealed record NoticeChild(string Name, DateOnly DateOfBirth);

/// <summary>A provider as a notice names it; phone and NPI are printed only where given.</summary>
public sealed record NoticeProvider(string Name, string? Phone = null, string? Npi = null);

/// <summary>One service line of a SAR: the code, what it is, the dates it covers and how many units.</summary>
/// <param name="Code">CPT, HCPCS, NDC or supply code; empty for lines that need none (e.g. ongoing physician care).</param>
/// <param name="Description">Printed as given (a code's description is not translated).</param>
public sealed record NoticeServiceLine(string Code, string Description, DateOnly From, DateOnly To, decimal Units);

/// <summary>
/// A Service Code Grouping granted on a SAR (DOMAIN.md §5). <paramref name="Name"/> is used only
/// when the notice text has no translated name for <paramref name="Number"/>.
/// </summary>
/// <param name="Number">Two digits, "01" to "12".</param>
public sealed record ServiceCodeGroupingGrant(string Number, string Name);
