using OpenCcs.Core.Authorizations;

namespace OpenCcs.Core.Claims;

/// <summary>
/// A SAR read once for the claim check: its decided lines with comparable codes and its CINs, so a line is
/// matched with a few string comparisons. Built the first time a <see cref="SarFacts"/> is seen.
/// </summary>
internal sealed class SarIndex
{
    public SarIndex(SarFacts sar)
    {
        Sar = sar;
        Number = sar.Number ?? "";
        IsApproved = sar.Status is SarStatus.Approved or SarStatus.Modified;
        AuthorizedProviderNpi = BilledService.Clean(sar.AuthorizedProviderNpi);
        var lines = new List<IndexedLine>(sar.Lines?.Count ?? 0);
        foreach (var line in sar.Lines ?? [])
        {
            if (line?.Disposition is not { } disposition) continue;
            var family = BilledService.FamilyOf(line.CodeSystem);
            var code = family switch
            {
                CodeFamily.InpatientDays => null,
                CodeFamily.Ndc => BilledService.NormalizeNdc(line.Code),
                _ => BilledService.Clean(line.Code),
            };
            if (code is null && family != CodeFamily.InpatientDays) continue;
            lines.Add(new IndexedLine(line, disposition, family, code));
            if (disposition != LineDisposition.NotAuthorized && line.Product is not null) HasProductLines = true;
        }
        Lines = [.. lines];
        var cins = new List<(string Cin, CinPeriod Period)>(sar.ClientCins?.Count ?? 0);
        foreach (var period in sar.ClientCins ?? [])
            if (BilledService.Clean(period?.Cin) is { } cin) cins.Add((cin, period!));
        Cins = [.. cins];
    }

    public SarFacts Sar { get; }

    public string Number { get; }

    public bool IsApproved { get; }

    public string? AuthorizedProviderNpi { get; }

    public IndexedLine[] Lines { get; }

    public (string Cin, CinPeriod Period)[] Cins { get; }

    /// <summary>An authorised line names a product-specific item (insulin syringes, test strips, lancets).</summary>
    public bool HasProductLines { get; }

    /// <summary>Whether the SAR's child had <paramref name="cin"/> on <paramref name="date"/>, and which CIN covered the date.</summary>
    public ClientMatch MatchClient(string cin, DateOnly date, out string? cinOnDate)
    {
        cinOnDate = null;
        if (Cins.Length == 0) return ClientMatch.Unknown;
        var childsCin = false;
        foreach (var (known, period) in Cins)
        {
            var covers = period.Covers(date);
            if (known == cin)
            {
                if (covers) return ClientMatch.Same;
                childsCin = true;
            }
            else if (covers) cinOnDate ??= known;
        }
        return childsCin ? ClientMatch.OtherPeriod : ClientMatch.OtherClient;
    }

    /// <summary>
    /// The SAR lines with the billed code: the authorised line whose dates hold the service (preferring one with
    /// units left), else one outside its dates, else one that was not authorised.
    /// </summary>
    public LineMatch Match(in BilledService service, DateOnly? from, DateOnly? to, decimal units, SarUsage usage)
    {
        IndexedLine? covering = null, coveringWithUnits = null, outside = null, refused = null;
        decimal? coveringLeft = null, leftWithUnits = null;
        foreach (var line in Lines)
        {
            if (!line.Matches(service)) continue;
            if (line.Disposition == LineDisposition.NotAuthorized)
            {
                refused ??= line;
                continue;
            }
            if (from is { } f && !line.Holds(f, to ?? f))
            {
                outside ??= line;
                continue;
            }
            var left = line.UnitsLeft(Number, usage);
            if (covering is null)
            {
                covering = line;
                coveringLeft = left;
            }
            if (left is null || left >= units)
            {
                coveringWithUnits = line;
                leftWithUnits = left;
                break;
            }
        }
        return coveringWithUnits is not null
            ? new LineMatch(coveringWithUnits, leftWithUnits, outside, refused)
            : new LineMatch(covering, coveringLeft, outside, refused);
    }
}

internal enum ClientMatch
{
    Same,

    /// <summary>The CIN was the child's, but not on the date of service.</summary>
    OtherPeriod,
    OtherClient,

    /// <summary>The SAR lists no CINs, so the client cannot be compared.</summary>
    Unknown,
}

/// <param name="UnitsLeft">Units the covering line still has in this run; null when it sets no limit.</param>
internal readonly record struct LineMatch(IndexedLine? Covering, decimal? UnitsLeft, IndexedLine? Outside, IndexedLine? Refused);

/// <summary>A decided SAR line with its code in the form billed codes are compared in.</summary>
internal sealed class IndexedLine(SarLineFacts facts, LineDisposition disposition, CodeFamily family, string? code)
{
    public SarLineFacts Facts { get; } = facts;

    public LineDisposition Disposition { get; } = disposition;

    public CodeFamily Family { get; } = family;

    public string? Code { get; } = code;

    public bool Matches(in BilledService service) => Family switch
    {
        CodeFamily.InpatientDays => service.InpatientDays,
        CodeFamily.Ndc => service.Ndc is not null && service.Ndc == Code,
        _ => service.Procedure is not null && service.ProcedureFamily == Family && service.Procedure == Code,
    };

    public bool Holds(DateOnly from, DateOnly to) =>
        (Facts.AuthorizedFrom is not { } start || from >= start) && (Facts.AuthorizedTo is not { } end || to <= end);

    /// <summary>Units still authorised after earlier lines of the run, or null when the line sets no limit.</summary>
    public decimal? UnitsLeft(string sarNumber, SarUsage usage) =>
        Disposition == LineDisposition.Authorized && Facts.AuthorizedUnits is { } max ? max - usage.UsedOn(sarNumber, Facts.LineNumber) : null;

    public string Label => Family switch
    {
        CodeFamily.InpatientDays => $"line {Facts.LineNumber} (inpatient days)",
        CodeFamily.Ndc => $"line {Facts.LineNumber} (NDC {Code})",
        CodeFamily.Cpt => $"line {Facts.LineNumber} (CPT {Code})",
        _ => $"line {Facts.LineNumber} (HCPCS {Code})",
    };
}
