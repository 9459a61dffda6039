using OpenCcs.Core.Authorizations;

namespace OpenCcs.Core.Claims;

/// <summary>How a SAR line's code, or a billed code, is compared: CPT, the HCPCS family, NDC, or inpatient days.</summary>
internal enum CodeFamily
{
    Cpt,

    /// <summary>HCPCS Level II and Medi-Cal supply codes, which are HCPCS codes (see <see cref="CodeRange"/>).</summary>
    Hcpcs,
    Ndc,
    InpatientDays,
}

/// <summary>What one claim line bills, read once: its procedure code, NDC and revenue code, normalised for comparing.</summary>
internal readonly struct BilledService
{
    private BilledService(string? procedure, CodeFamily procedureFamily, string? ndc, string? revenue, bool inpatientDays)
    {
        Procedure = procedure;
        ProcedureFamily = procedureFamily;
        Ndc = ndc;
        Revenue = revenue;
        InpatientDays = inpatientDays;
    }

    /// <summary>CPT or HCPCS code, trimmed and upper-case.</summary>
    public string? Procedure { get; }

    public CodeFamily ProcedureFamily { get; }

    /// <summary>The NDC as 11 digits when it can be read as one, else as entered.</summary>
    public string? Ndc { get; }

    public string? Revenue { get; }

    /// <summary>An institutional line with an accommodation revenue code: it bills inpatient days.</summary>
    public bool InpatientDays { get; }

    public bool IsEmpty => Procedure is null && Ndc is null && Revenue is null;

    /// <summary>The code SCG coverage is decided on: the procedure code, else the NDC.</summary>
    public ServiceCode? Primary =>
        Procedure is not null ? new ServiceCode(ProcedureFamily == CodeFamily.Cpt ? ServiceCodeSystem.Cpt : ServiceCodeSystem.Hcpcs, Procedure)
        : Ndc is not null ? new ServiceCode(ServiceCodeSystem.Ndc, Ndc)
        : null;

    public bool IsCpt => Procedure is not null && ProcedureFamily == CodeFamily.Cpt;

    public static BilledService Of(ClaimForm form, ClaimLineToCheck line)
    {
        var procedure = Clean(line.ProcedureCode);
        var revenue = Clean(line.RevenueCode);
        var inpatientDays = form == ClaimForm.Institutional && AccommodationRevenueCodes.Contains(revenue);
        return new BilledService(procedure, procedure is null ? CodeFamily.Cpt : FamilyOf(procedure), NormalizeNdc(line.Ndc), revenue, inpatientDays);
    }

    /// <summary>CPT codes start with a digit (including Category II/III, "0001F"); HCPCS Level II codes with a letter.</summary>
    public static CodeFamily FamilyOf(string code) => char.IsAsciiLetter(code[0]) ? CodeFamily.Hcpcs : CodeFamily.Cpt;

    public static CodeFamily FamilyOf(ServiceCodeSystem system) => system switch
    {
        ServiceCodeSystem.Cpt => CodeFamily.Cpt,
        ServiceCodeSystem.Ndc => CodeFamily.Ndc,
        ServiceCodeSystem.InpatientDays => CodeFamily.InpatientDays,
        _ => CodeFamily.Hcpcs,
    };

    /// <summary>Trimmed and upper-case, or null when blank (returns the same string when it is already clean).</summary>
    public static string? Clean(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        return code.Trim().ToUpperInvariant();
    }

    /// <summary>
    /// An NDC as the 11-digit 5-4-2 form claims use: a hyphenated 10-digit NDC (4-4-2, 5-3-2, 5-4-1) is padded
    /// with a zero in the short segment. Anything else is kept as entered, so it only matches itself.
    /// </summary>
    public static string? NormalizeNdc(string? ndc)
    {
        var text = Clean(ndc);
        if (text is null) return null;
        if (text.Length == 11 && Identifiers.Luhn.IsAllDigits(text)) return text;
        var first = text.IndexOf('-');
        var second = first < 0 ? -1 : text.IndexOf('-', first + 1);
        if (second < 0 || text.IndexOf('-', second + 1) >= 0) return text;
        var labeler = text.AsSpan(0, first);
        var product = text.AsSpan(first + 1, second - first - 1);
        var package = text.AsSpan(second + 1);
        if (labeler.Length is 0 or > 5 || product.Length is 0 or > 4 || package.Length is 0 or > 2
            || !Identifiers.Luhn.IsAllDigits(labeler) || !Identifiers.Luhn.IsAllDigits(product) || !Identifiers.Luhn.IsAllDigits(package))
            return text;
        Span<char> digits = stackalloc char[11];
        digits.Fill('0');
        labeler.CopyTo(digits[(5 - labeler.Length)..5]);
        product.CopyTo(digits[(9 - product.Length)..9]);
        package.CopyTo(digits[(11 - package.Length)..]);
        return new string(digits);
    }

    public override string ToString() =>
        InpatientDays ? $"inpatient days (revenue code {Revenue})"
        : Procedure is not null ? $"{(ProcedureFamily == CodeFamily.Cpt ? "CPT" : "HCPCS")} {Procedure}"
        : Ndc is not null ? $"NDC {Ndc}"
        : Revenue is not null ? $"revenue code {Revenue}"
        : "no code";
}
