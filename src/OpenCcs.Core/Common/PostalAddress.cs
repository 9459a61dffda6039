namespace OpenCcs.Core.Common;

/// <summary>
/// A United States mailing address, where notices are mailed (DOMAIN.md §8). The state is a two-letter
/// USPS code and the ZIP code five digits, or ZIP+4 written 12345-6789.
/// </summary>
public sealed record PostalAddress
{
    public PostalAddress(string street, string? unit, string city, string state, string zipCode)
    {
        Street = Required(street, "address.street-required", "Enter the street address.");
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        City = Required(city, "address.city-required", "Enter the city.");
        var code = Required(state, "address.state-required", "Enter the state as two letters, such as CA.").ToUpperInvariant();
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
            throw new DomainRuleException("address.state-invalid", $"'{state.Trim()}' is not a state; enter two letters, such as CA.");
        State = code;
        var zip = Required(zipCode, "address.zip-required", "Enter the ZIP code.");
        if (!IsZip(zip))
            throw new DomainRuleException("address.zip-invalid", $"'{zip}' is not a ZIP code; enter five digits, such as 93701, or ZIP+4, such as 93701-1234.");
        ZipCode = zip;
    }

    public string Street { get; }

    public string? Unit { get; }

    public string City { get; }

    public string State { get; }

    public string ZipCode { get; }

    /// <summary>The address as printed on an envelope, one part per line.</summary>
    public IEnumerable<string> Lines()
    {
        yield return Street;
        if (Unit is not null) yield return Unit;
        yield return $"{City}, {State} {ZipCode}";
    }

    public override string ToString() => string.Join(", ", Lines());

    private static bool IsZip(string zip) =>
        zip.Length == 5 ? zip.All(char.IsAsciiDigit)
        : zip.Length == 10 && zip[5] == '-' && zip[..5].All(char.IsAsciiDigit) && zip[6..].All(char.IsAsciiDigit);

    private static string Required(string value, string rule, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainRuleException(rule, message) : value.Trim();
}
