using System.Globalization;

namespace OpenCcs.X12.Claims;

/// <summary>Where in the claim the reader is; decides what an NM1, REF or DTP means.</summary>
internal enum Section
{
    Claim,
    OtherPayer,
    Line,
    LineAdjudication,
}

/// <summary>
/// Mutable while a claim's segments stream past; frozen into a <see cref="Claim837"/> (or a claim to check) at the next
/// CLM, HL or SE. One builder serves every claim of a reader in turn: <see cref="Begin"/> empties it, and what a
/// finished claim took from it (its lines, diagnoses and problems) is handed over, never reused.
/// </summary>
internal sealed class ClaimBuilder(StringPool strings, LineBuilder lineBuilder)
{
    private List<X12Issue>? _problems;

    public int SegmentNumber { get; private set; }
    public string TransactionControlNumber { get; private set; } = "";
    public Section Section { get; set; } = Section.Claim;
    public string PatientControlNumber { get; private set; } = "";
    public decimal TotalCharge { get; set; }
    public string? FacilityCode { get; private set; }
    public string? FacilityCodeQualifier { get; private set; }
    public string? FrequencyCode { get; private set; }
    public string? AdmissionTypeCode { get; set; }
    public DateRange? StatementPeriod { get; set; }
    public string? PriorAuthorization { get; set; }
    public string? ReferralNumber { get; set; }
    public Provider837? ReferringProvider { get; set; }
    public Provider837? RenderingProvider { get; set; }
    public Provider837? AttendingProvider { get; set; }
    /// <summary>Made on the first HI that is kept (the claim check reads none).</summary>
    public List<Diagnosis> Diagnoses => _diagnoses ??= new(2);
    public List<ServiceLine837> Lines => _lines ??= new(4);

    /// <summary>
    /// Set when the reader maps claims straight to the claim check (<see cref="Claim837Reader.ReadClaimsToCheck"/>):
    /// lines then become <see cref="Core.Claims.ClaimLineToCheck"/> as they finish, with no <see cref="ServiceLine837"/>.
    /// </summary>
    public List<Core.Claims.ClaimLineToCheck>? CheckLines { get; private set; }

    /// <summary>With <see cref="CheckLines"/>: the place of service a line without SV1-05 takes (see <see cref="ClaimCheckMapping"/>).</summary>
    public string? ClaimPlaceOfService { get; set; }

    /// <summary>With <see cref="CheckLines"/>: whether a line bills revenue code 068x (trauma response).</summary>
    public bool AnyTraumaResponse { get; private set; }

    private List<ServiceLine837>? _lines;
    private List<Diagnosis>? _diagnoses;

    private int LineCount => CheckLines?.Count ?? _lines?.Count ?? 0;

    /// <summary>Most claims have none, so the list is made on the first.</summary>
    public IReadOnlyList<X12Issue> Problems => _problems ?? (IReadOnlyList<X12Issue>)[];
    public LineBuilder? Line { get; private set; }

    /// <summary>Starts the next claim at its CLM: everything the previous claim set is forgotten.</summary>
    public ClaimBuilder Begin(
        int segmentNumber, string transactionControlNumber, List<Core.Claims.ClaimLineToCheck>? checkLines, string patientControlNumber,
        string? facilityCode, string? facilityCodeQualifier, string? frequencyCode)
    {
        SegmentNumber = segmentNumber;
        TransactionControlNumber = transactionControlNumber;
        CheckLines = checkLines;
        PatientControlNumber = patientControlNumber;
        FacilityCode = facilityCode;
        FacilityCodeQualifier = facilityCodeQualifier;
        FrequencyCode = frequencyCode;
        Section = Section.Claim;
        TotalCharge = 0m;
        AdmissionTypeCode = null;
        StatementPeriod = null;
        PriorAuthorization = null;
        ReferralNumber = null;
        ReferringProvider = null;
        RenderingProvider = null;
        AttendingProvider = null;
        ClaimPlaceOfService = null;
        AnyTraumaResponse = false;
        Line = null;
        _lines = null;
        _diagnoses = null;
        _problems = null;
        return this;
    }

    public void StartLine(X12Segment segment)
    {
        FinishLine();
        if (!int.TryParse(segment[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            number = LineCount + 1;
            Problem(segment, $"LX01 \"{segment[1].ToString()}\" is not a line number; line {number} was assumed.");
        }

        Line = lineBuilder.Start(number, segment.Number);
    }

    public void FinishLine()
    {
        if (Line is not { } line)
        {
            return;
        }

        Line = null;
        if (!line.HasService)
        {
            AddProblem(new X12Issue(line.SegmentNumber, "LX", $"service line {line.Number} has no SV1 or SV2 segment; it was kept without a procedure or charge.", TransactionControlNumber));
        }

        if (CheckLines is { } check)
        {
            AnyTraumaResponse |= ClaimCheckMapping.IsTraumaResponse(line.RevenueCode);
            check.Add(ClaimCheckMapping.Line(
                line.Number, line.SegmentNumber, line.ServiceDate ?? StatementPeriod, line.ProcedureQualifier, line.ProcedureCode, line.RevenueCode,
                line.DrugCode is null ? null : new DrugIdentification(line.DrugQualifier ?? "", line.DrugCode, line.DrugQuantity, line.DrugUnit).Ndc,
                line.Modifiers ?? (IReadOnlyList<string>)[], line.Units, line.PlaceOfService, line.Emergency, line.PriorAuthorization,
                line.RenderingProvider?.Npi, line.ReferringProviders ?? (IReadOnlyList<Provider837>)[], ClaimPlaceOfService));
            return;
        }

        Lines.Add(line.Build());
    }

    /// <summary>CCYYMMDD, exactly eight digits (what DateOnly.TryParseExact "yyyyMMdd" accepts, without its culture machinery).</summary>
    public static bool TryDate(ReadOnlySpan<char> value, out DateOnly date)
    {
        date = default;
        if (value.Length != 8)
        {
            return false;
        }

        var number = 0;
        foreach (var c in value)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            number = number * 10 + (int)digit;
        }

        var (year, month, day) = (number / 10000, number / 100 % 100, number % 100);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// An X12 decimal (R type): optional sign, digits, optional point. The common short forms are converted
    /// directly, keeping the scale as sent ("7.00" stays 7.00); anything else goes through decimal.TryParse.
    /// </summary>
    public static bool TryAmount(ReadOnlySpan<char> value, out decimal amount)
    {
        var negative = false;
        var digits = value;
        if (!digits.IsEmpty && digits[0] is '-' or '+')
        {
            negative = digits[0] == '-';
            digits = digits[1..];
        }

        if (digits.IsEmpty || digits.Length > 18)
        {
            return decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount);
        }

        long number = 0;
        var scale = -1;
        var seenDigit = false;
        foreach (var c in digits)
        {
            if (c == '.' && scale < 0)
            {
                scale = 0;
                continue;
            }

            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                amount = 0;
                return false;
            }

            seenDigit = true;
            number = number * 10 + digit;
            if (scale >= 0)
            {
                scale++;
            }
        }

        if (!seenDigit)
        {
            amount = 0;
            return false;
        }

        amount = new decimal((int)(number & 0xFFFFFFFF), (int)(number >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    public void Problem(X12Segment segment, string detail) =>
        AddProblem(new X12Issue(segment.Number, segment.IdString, detail, TransactionControlNumber));

    private void AddProblem(X12Issue issue) => (_problems ??= []).Add(issue);

    public string? KeepFirst(X12Segment segment, string? current, string name)
    {
        var value = strings.Get(segment[2]);
        if (current is null)
        {
            return value;
        }

        if (value is not null && value != current)
        {
            Problem(segment, $"a second {name} \"{value}\" was sent; the first, \"{current}\", was kept.");
        }

        return current;
    }

    public decimal? Amount(X12Segment segment, int element, string name)
    {
        var value = segment[element];
        if (value.IsEmpty)
        {
            return null;
        }

        if (TryAmount(value, out var amount))
        {
            return amount;
        }

        Problem(segment, $"{name} \"{value.ToString()}\" is not a number; it was read as empty.");
        return null;
    }

    // DTP02 D8 is one date (CCYYMMDD); RD8 is a range (CCYYMMDD-CCYYMMDD).
    public DateRange? Period(X12Segment segment)
    {
        var format = segment[2];
        var value = segment[3];
        if (format.SequenceEqual("D8") && TryDate(value, out var day))
        {
            return new DateRange(day, day);
        }

        var dash = value.IndexOf('-');
        if (format.SequenceEqual("RD8") && dash > 0 && TryDate(value[..dash], out var from) && TryDate(value[(dash + 1)..], out var to))
        {
            if (to >= from)
            {
                return new DateRange(from, to);
            }

            Problem(segment, $"the date range {value.ToString()} ends before it starts; it was ignored.");
            return null;
        }

        Problem(segment, $"DTP*{segment[1].ToString()} date \"{value.ToString()}\" is not a valid {format.ToString()} date (D8 = CCYYMMDD, RD8 = CCYYMMDD-CCYYMMDD); it was ignored.");
        return null;
    }
}

/// <summary>
/// One LX loop being read; becomes a <see cref="ServiceLine837"/> when the next LX or the claim ends.
/// A reader reuses one instance for every line (<see cref="Start"/> clears it), so lines cost no builder allocation.
/// </summary>
internal sealed class LineBuilder
{
    public int Number { get; private set; }
    public int SegmentNumber { get; private set; }
    public bool HasService { get; set; }
    public string? RevenueCode { get; set; }
    public string? ProcedureQualifier { get; set; }
    public string? ProcedureCode { get; set; }
    public List<string>? Modifiers { get; set; }
    public decimal Charge { get; set; }
    public string? UnitBasis { get; set; }
    public decimal? Units { get; set; }
    public string? PlaceOfService { get; set; }
    public IReadOnlyList<int>? DiagnosisPointers { get; set; }
    public bool Emergency { get; set; }
    public DateRange? ServiceDate { get; set; }
    public string? PriorAuthorization { get; set; }
    public string? ReferralNumber { get; set; }
    public Provider837? RenderingProvider { get; set; }
    public List<Provider837>? ReferringProviders { get; set; }
    public Provider837? OrderingProvider { get; set; }
    public string? DrugQualifier { get; set; }
    public string? DrugCode { get; set; }
    public decimal? DrugQuantity { get; set; }
    public string? DrugUnit { get; set; }

    public LineBuilder Start(int number, int segmentNumber)
    {
        Number = number;
        SegmentNumber = segmentNumber;
        HasService = false;
        RevenueCode = ProcedureQualifier = ProcedureCode = UnitBasis = PlaceOfService = null;
        PriorAuthorization = ReferralNumber = DrugQualifier = DrugCode = DrugUnit = null;
        Modifiers = null;
        Charge = 0m;
        Units = DrugQuantity = null;
        DiagnosisPointers = null;
        Emergency = false;
        ServiceDate = null;
        RenderingProvider = OrderingProvider = null;
        ReferringProviders = null;
        return this;
    }

    public ServiceLine837 Build() => new()
    {
        LineNumber = Number,
        SegmentNumber = SegmentNumber,
        RevenueCode = RevenueCode,
        ProcedureQualifier = ProcedureQualifier,
        ProcedureCode = ProcedureCode,
        Modifiers = Modifiers ?? (IReadOnlyList<string>)[],
        Charge = Charge,
        UnitBasis = UnitBasis,
        Units = Units,
        PlaceOfService = PlaceOfService,
        DiagnosisPointers = DiagnosisPointers ?? (IReadOnlyList<int>)[],
        Emergency = Emergency,
        ServiceDate = ServiceDate,
        PriorAuthorization = PriorAuthorization,
        ReferralNumber = ReferralNumber,
        RenderingProvider = RenderingProvider,
        ReferringProviders = ReferringProviders ?? (IReadOnlyList<Provider837>)[],
        OrderingProvider = OrderingProvider,
        Drug = DrugCode is null ? null : new DrugIdentification(DrugQualifier ?? "", DrugCode, DrugQuantity, DrugUnit),
    };
}
