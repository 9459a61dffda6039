namespace OpenCcs.Core.Common;

/// <summary>
/// A United States mailing address, where notices are mailed (DOMAIN.md §8). The state is a two-letter
/// USPS code and the ZIP code five digits, or ZIP+4 written 12345-6789.
/// </summary>
public sealed record PostalAddress
{
    public PostalAddress(string street, string? unit, string city, string state, string zipCode)
    {
        if (Check(street, city, state, zipCode).FirstOrDefault() is { } problem)
            throw new DomainRuleException(problem.Rule, problem.Message);
        Street = street.Trim();
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        City = city.Trim();
        State = state.Trim().ToUpperInvariant();
        ZipCode = zipCode.Trim();
    }

    public string Street { get; }

    public string? Unit { get; }

    public string City { get; }

    public string State { get; }

    public string ZipCode { get; }

    /// <summary>Every problem with the parts, in form order, so a form can show them all at once.</summary>
    public static IReadOnlyList<AddressProblem> Check(string? street, string? city, string? state, string? zipCode)
    {
        var problems = new List<AddressProblem>();
        if (string.IsNullOrWhiteSpace(street)) problems.Add(new("street", "address.street-required", "Enter the street address."));
        if (string.IsNullOrWhiteSpace(city)) problems.Add(new("city", "address.city-required", "Enter the city."));
        var code = state?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0) problems.Add(new("state", "address.state-required", "Enter the state as two letters, such as CA."));
        else if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
            problems.Add(new("state", "address.state-invalid", $"'{state!.Trim()}' is not a state; enter two letters, such as CA."));
        var zip = zipCode?.Trim() ?? "";
        if (zip.Length == 0) problems.Add(new("zipCode", "address.zip-required", "Enter the ZIP code."));
        else if (!IsZip(zip))
            problems.Add(new("zipCode", "address.zip-invalid", $"'{zip}' is not a ZIP code; enter five digits, such as 93701, or ZIP+4, such as 93701-1234."));
        return problems;
    }

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
}

/// <summary>One problem with an address part: the form field (camelCase), the rule and what to enter.</summary>
public sealed record AddressProblem(string Field, string Rule, string Message);
