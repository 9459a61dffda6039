using OpenCcs.Core.Common;

namespace OpenCcs.Core.Authorizations;

/// <summary>One requested service: a code (or inpatient days), its dates and how much of it.</summary>
public sealed class SarLine
{
    private SarLine() { }

    internal SarLine(int lineNumber, ServiceCodeSystem system, string? code, string description, DateOnly from, DateOnly to, int units, string? frequency)
    {
        if (to < from) throw new DomainRuleException("sar.line-dates", $"Line {lineNumber}: the end date {to:yyyy-MM-dd} is before the start date {from:yyyy-MM-dd}.");
        if (units < 1) throw new DomainRuleException("sar.line-units", $"Line {lineNumber}: request at least one unit.");
        if (system != ServiceCodeSystem.InpatientDays && string.IsNullOrWhiteSpace(code))
            throw new DomainRuleException("sar.line-code", $"Line {lineNumber}: enter the CPT, HCPCS, NDC or supply code.");
        if (string.IsNullOrWhiteSpace(description)) throw new DomainRuleException("sar.line-description", $"Line {lineNumber}: describe the service.");
        LineNumber = lineNumber;
        CodeSystem = system;
        Code = code?.Trim().ToUpperInvariant();
        Description = description.Trim();
        From = from;
        To = to;
        RequestedUnits = units;
        Frequency = frequency;
    }

    public int LineNumber { get; private set; }

    public ServiceCodeSystem CodeSystem { get; private set; }

    public string? Code { get; private set; }

    public string Description { get; private set; } = "";

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public int RequestedUnits { get; private set; }

    public string? Frequency { get; private set; }

    /// <summary>Units the reviewer authorised; null until decided.</summary>
    public int? AuthorizedUnits { get; private set; }

    internal void Authorize(int units) => AuthorizedUnits = units;
}
