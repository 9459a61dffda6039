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

/// <summary>Mutable while a claim's segments stream past; frozen into a <see cref="Claim837"/> at the next CLM, HL or SE.</summary>
internal sealed class ClaimBuilder(int segmentNumber, string transactionControlNumber)
{
    public int SegmentNumber { get; } = segmentNumber;
    public string TransactionControlNumber { get; } = transactionControlNumber;
    public Section Section { get; set; } = Section.Claim;
    public string PatientControlNumber { get; init; } = "";
    public decimal TotalCharge { get; set; }
    public string? FacilityCode { get; init; }
    public string? FacilityCodeQualifier { get; init; }
    public string? FrequencyCode { get; init; }
    public string? AdmissionTypeCode { get; set; }
    public DateRange? StatementPeriod { get; set; }
    public string? PriorAuthorization { get; set; }
    public string? ReferralNumber { get; set; }
    public Provider837? ReferringProvider { get; set; }
    public Provider837? RenderingProvider { get; set; }
    public Provider837? AttendingProvider { get; set; }
    public List<Diagnosis> Diagnoses { get; } = [];
    public List<ServiceLine837> Lines { get; } = [];
    public List<X12Issue> Problems { get; } = [];
    public LineBuilder? Line { get; private set; }

    public void StartLine(X12Segment segment)
    {
        FinishLine();
        if (!int.TryParse(segment[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            number = Lines.Count + 1;
            Problem(segment, $"LX01 \"{segment[1].ToString()}\" is not a line number; line {number} was assumed.");
        }

        Line = new LineBuilder(number, segment.Number);
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
            Problems.Add(new X12Issue(line.SegmentNumber, "LX", $"service line {line.Number} has no SV1 or SV2 segment; it was kept without a procedure or charge.", TransactionControlNumber));
        }

        Lines.Add(line.Build());
    }

    public static bool TryDate(ReadOnlySpan<char> value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public void Problem(X12Segment segment, string detail) =>
        Problems.Add(new X12Issue(segment.Number, segment.IdString, detail, TransactionControlNumber));

    public string? KeepFirst(X12Segment segment, string? current, string name)
    {
        var value = segment.GetString(2);
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

        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
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

/// <summary>One LX loop being read; becomes a <see cref="ServiceLine837"/> when the next LX or the claim ends.</summary>
internal sealed class LineBuilder(int number, int segmentNumber)
{
    public int Number { get; } = number;
    public int SegmentNumber { get; } = segmentNumber;
    public bool HasService { get; set; }
    public string? RevenueCode { get; set; }
    public string? ProcedureQualifier { get; set; }
    public string? ProcedureCode { get; set; }
    public List<string> Modifiers { get; } = [];
    public decimal Charge { get; set; }
    public string? UnitBasis { get; set; }
    public decimal? Units { get; set; }
    public string? PlaceOfService { get; set; }
    public List<int> DiagnosisPointers { get; } = [];
    public bool Emergency { get; set; }
    public DateRange? ServiceDate { get; set; }
    public string? PriorAuthorization { get; set; }
    public string? ReferralNumber { get; set; }
    public Provider837? RenderingProvider { get; set; }
    public List<Provider837> ReferringProviders { get; } = [];
    public Provider837? OrderingProvider { get; set; }
    public string? DrugQualifier { get; set; }
    public string? DrugCode { get; set; }
    public decimal? DrugQuantity { get; set; }
    public string? DrugUnit { get; set; }

    public ServiceLine837 Build() => new()
    {
        LineNumber = Number,
        SegmentNumber = SegmentNumber,
        RevenueCode = RevenueCode,
        ProcedureQualifier = ProcedureQualifier,
        ProcedureCode = ProcedureCode,
        Modifiers = Modifiers,
        Charge = Charge,
        UnitBasis = UnitBasis,
        Units = Units,
        PlaceOfService = PlaceOfService,
        DiagnosisPointers = DiagnosisPointers,
        Emergency = Emergency,
        ServiceDate = ServiceDate,
        PriorAuthorization = PriorAuthorization,
        ReferralNumber = ReferralNumber,
        RenderingProvider = RenderingProvider,
        ReferringProviders = ReferringProviders,
        OrderingProvider = OrderingProvider,
        Drug = DrugCode is null ? null : new DrugIdentification(DrugQualifier ?? "", DrugCode, DrugQuantity, DrugUnit),
    };
}
