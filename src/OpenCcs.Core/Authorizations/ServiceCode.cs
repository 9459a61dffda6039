namespace OpenCcs.Core.Authorizations;

/// <summary>A billed or requested code in its code system, trimmed and upper-case.</summary>
public readonly record struct ServiceCode
{
    public ServiceCode(ServiceCodeSystem system, string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        System = system;
        Code = code.Trim().ToUpperInvariant();
    }

    public ServiceCodeSystem System { get; }

    public string Code { get; }

    public override string ToString() => $"{Describe(System)} {Code}";

    public static string Describe(ServiceCodeSystem system) => system switch
    {
        ServiceCodeSystem.Cpt => "CPT",
        ServiceCodeSystem.Hcpcs => "HCPCS",
        ServiceCodeSystem.Ndc => "NDC",
        ServiceCodeSystem.SupplyCode => "supply code",
        _ => "inpatient days",
    };
}

/// <summary>
/// An inclusive range of codes of one system, compared character by character, so "A4206"–"A4209"
/// or "10004"–"69990". Both ends have the same length; a code of another length is outside.
/// </summary>
public sealed record CodeRange
{
    public CodeRange(ServiceCodeSystem system, string from, string to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        if (system == ServiceCodeSystem.InpatientDays)
            throw new ArgumentException("Inpatient days have no codes to range over.", nameof(system));
        From = from.Trim().ToUpperInvariant();
        To = to.Trim().ToUpperInvariant();
        if (From.Length != To.Length || string.CompareOrdinal(From, To) > 0)
            throw new ArgumentException($"'{From}'–'{To}' is not a code range: both ends need the same length and the first may not come after the last.", nameof(to));
        System = system;
    }

    public ServiceCodeSystem System { get; }

    public string From { get; }

    public string To { get; }

    public static CodeRange Single(ServiceCodeSystem system, string code) => new(system, code, code);

    public bool Contains(ServiceCode code) =>
        SameSystem(System, code.System)
        && code.Code.Length == From.Length
        && string.CompareOrdinal(code.Code, From) >= 0
        && string.CompareOrdinal(code.Code, To) <= 0;

    // Medi-Cal supply codes for medical supplies are HCPCS Level II codes (reference/000: "NDC#/Supply
    // code to bill for medical supplies that require HCPCS codes"), so the two systems share one range.
    private static bool SameSystem(ServiceCodeSystem range, ServiceCodeSystem code) =>
        range == code || (IsHcpcs(range) && IsHcpcs(code));

    private static bool IsHcpcs(ServiceCodeSystem system) => system is ServiceCodeSystem.Hcpcs or ServiceCodeSystem.SupplyCode;

    public override string ToString() => From == To ? $"{ServiceCode.Describe(System)} {From}" : $"{ServiceCode.Describe(System)} {From}–{To}";
}
