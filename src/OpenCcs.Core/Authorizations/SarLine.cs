using OpenCcs.Core.Common;

namespace OpenCcs.Core.Authorizations;

/// <summary>One requested service: a code (or inpatient days), its dates and how much of it, and what was decided.</summary>
public sealed class SarLine
{
    private SarLine() { }

    internal SarLine(int lineNumber, SarLineRequest request)
    {
        if (request.To < request.From)
            throw new DomainRuleException("sar.line-dates", $"Line {lineNumber}: the end date {request.To:yyyy-MM-dd} is before the start date {request.From:yyyy-MM-dd}.");
        if (request.Units < 1) throw new DomainRuleException("sar.line-units", $"Line {lineNumber}: request at least one unit.");
        if (request.CodeSystem != ServiceCodeSystem.InpatientDays && string.IsNullOrWhiteSpace(request.Code))
            throw new DomainRuleException("sar.line-code", $"Line {lineNumber}: enter the CPT, HCPCS, NDC or supply code.");
        if (string.IsNullOrWhiteSpace(request.Description)) throw new DomainRuleException("sar.line-description", $"Line {lineNumber}: describe the service.");
        LineNumber = lineNumber;
        CodeSystem = request.CodeSystem;
        Code = request.Code?.Trim().ToUpperInvariant();
        Description = request.Description.Trim();
        From = request.From;
        To = request.To;
        RequestedUnits = request.Units;
        Frequency = request.Frequency;
        BrandName = request.BrandName;
        BrandNameJustification = string.IsNullOrWhiteSpace(request.BrandNameJustification) ? null : request.BrandNameJustification.Trim();
        Product = request.Product;
    }

    public int LineNumber { get; private set; }

    public ServiceCodeSystem CodeSystem { get; private set; }

    /// <summary>May be empty for inpatient days, which need no procedure code (DOMAIN.md §5).</summary>
    public string? Code { get; private set; }

    public string Description { get; private set; } = "";

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public int RequestedUnits { get; private set; }

    public string? Frequency { get; private set; }

    /// <summary>A brand-name drug is asked for; it needs the prescriber's reason the generic will not do (reference/000).</summary>
    public bool BrandName { get; private set; }

    public string? BrandNameJustification { get; private set; }

    /// <summary>The product-specific item the requester says this line is, for items requested by NDC.</summary>
    public ProductSpecificItem? Product { get; private set; }

    /// <summary>What the decision did with the line; null until decided.</summary>
    public LineDisposition? Disposition { get; private set; }

    /// <summary>Units the reviewer authorised; null until decided and for lines the SCG covers.</summary>
    public int? AuthorizedUnits { get; private set; }

    public DateOnly? AuthorizedFrom { get; private set; }

    public DateOnly? AuthorizedTo { get; private set; }

    /// <summary>The line's code, or null for inpatient days.</summary>
    public ServiceCode? ServiceCode =>
        CodeSystem == ServiceCodeSystem.InpatientDays || string.IsNullOrWhiteSpace(Code) ? null : new ServiceCode(CodeSystem, Code);

    public string Label => ServiceCode is null ? $"Line {LineNumber} (inpatient days)" : $"Line {LineNumber} ({ServiceCode})";

    internal void Decide(LineDecision decision)
    {
        Disposition = decision.Disposition;
        AuthorizedUnits = decision.Disposition switch
        {
            LineDisposition.Authorized => decision.Units,
            LineDisposition.NotAuthorized => 0,
            _ => null,
        };
        AuthorizedFrom = decision.Disposition == LineDisposition.NotAuthorized ? null : decision.From ?? From;
        AuthorizedTo = decision.Disposition == LineDisposition.NotAuthorized ? null : decision.To ?? To;
    }
}

/// <summary>What a provider asks for on one line.</summary>
public sealed record SarLineRequest(
    ServiceCodeSystem CodeSystem, string? Code, string Description, DateOnly From, DateOnly To, int Units, string? Frequency = null,
    bool BrandName = false, string? BrandNameJustification = null, ProductSpecificItem? Product = null);
