using System.Globalization;
using OpenCcs.Core.Identifiers;

namespace OpenCcs.Core.Claims;

/// <summary>
/// One claim being checked: what is read once per claim (CIN, BIN, the SAR and provider last looked up),
/// then each line through the rules in the order of <see cref="ClaimRules.All"/>. A struct held in a local of
/// <see cref="ClaimChecker.Check"/>: one per claim, so nothing to allocate for it; every field is declared here
/// (the rules are split over ClaimRun.*.cs).
/// </summary>
internal partial struct ClaimRun
{
    /// <summary>CCS's BIN for pharmacy claims (reference/000: "Use BIN# 610442, otherwise the claim will deny").</summary>
    public const string CcsBin = "610442";

    private static readonly ClaimFinding[] Passes = [];

    private readonly ClaimChecker _checker;
    private readonly ClaimToCheck _claim;
    private readonly IClaimCheckFacts _facts;
    private readonly SarUsage _usage;
    private readonly ClaimForm _form;

    /// <summary>The CIN on the claim (a BIC ID reduced to it), or null when the member ID is not one.</summary>
    private readonly string? _cin;
    private readonly ClaimFinding? _cinFinding;
    private readonly ClaimFinding? _binFinding;

    // The SAR last looked up (ClaimRun.Sar.cs): a claim's lines mostly name the same one.
    private string? _sarEntered;
    private SarIndex? _sar;
    private ClaimFinding? _sarFinding;

    // The provider last looked up and the NPI last checked (ClaimRun.Providers.cs).
    private string? _npiLookedUp;
    private ProviderFacts? _provider;
    private string? _npiChecked;
    private bool _npiValid;

    public ClaimRun(ClaimChecker checker, ClaimToCheck claim, IClaimCheckFacts facts, SarUsage usage)
    {
        _checker = checker;
        _claim = claim;
        _facts = facts;
        _usage = usage;
        _form = Enum.IsDefined(claim.Form) ? claim.Form : ClaimForm.Professional;
        if (Cin.TryParse(claim.MemberId, out var cin)) _cin = cin.Value;
        else _cinFinding = CinInvalid(claim.MemberId);
        if (_form == ClaimForm.Pharmacy && claim.Bin?.Trim() != CcsBin) _binFinding = BinWrong(claim.Bin);
    }

    public LineCheckResult Check(ClaimLineToCheck? line, int position)
    {
        if (line is null) return new LineCheckResult(position, [LineEmpty(position)]);
        List<ClaimFinding>? findings = null;
        var emergency = _claim.Emergency || line.Emergency;
        DateOnly? from = line.From is { } start && (line.To is not { } end || end >= start) ? start : null;
        DateOnly? to = from is null ? null : line.To ?? from;
        var service = BilledService.Of(_form, line);

        if (from is null) Fail(ref findings, LineDateInvalid(line));
        if (service.IsEmpty) Fail(ref findings, LineCodeMissing());
        if (line.Units <= 0) Fail(ref findings, UnitsInvalid(line.Units));
        if (_cinFinding is not null) Fail(ref findings, _cinFinding);
        if (_binFinding is not null) Fail(ref findings, _binFinding);
        CheckPanel(line, from, to, emergency || _claim.Trauma, ref findings);
        var charge = CheckSar(line, service, from, to, emergency, ref findings);

        // Only a line that pays uses up authorised units; a denied line leaves them for a corrected claim.
        if (findings is null && charge is not null && line.Units > 0)
            _usage.Add(charge.Value.Sar.Number, charge.Value.Line.Facts.LineNumber, line.Units);
        return new LineCheckResult(line.LineNumber, findings ?? (IReadOnlyList<ClaimFinding>)Passes) { SegmentNumber = line.SegmentNumber };
    }

    private static void Fail(ref List<ClaimFinding>? findings, ClaimFinding finding) => (findings ??= new List<ClaimFinding>(4)).Add(finding);

    private static ClaimFinding Finding(string rule, X12Code? code, string message, string fix) => new(rule, code, message, fix);

    private static string? Entered(string? line, string? claim) =>
        !string.IsNullOrWhiteSpace(line) ? line.Trim() : !string.IsNullOrWhiteSpace(claim) ? claim.Trim() : null;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(decimal units) => units.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>"1 unit", "2 units", "0.5 units".</summary>
    private static string UnitsText(decimal units) => units == 1 ? "1 unit" : $"{Amount(units)} units";

    private ClaimFinding LineEmpty(int position) => Finding(ClaimRules.LineCodeMissing, X12Code.Carc16,
        $"Line {position} is empty.",
        $"Enter the date of service, the code and the units, or remove the line.");

    private ClaimFinding LineDateInvalid(ClaimLineToCheck line) => line.From is not { } from
        ? Finding(ClaimRules.LineDateInvalid, X12Code.Carc16,
            "The line has no date of service.",
            $"Enter the date of service in {ClaimFields.DateOfService(_form)}.")
        : Finding(ClaimRules.LineDateInvalid, X12Code.Carc16,
            $"The line's last date of service {Day(line.To!.Value)} is before its first, {Day(from)}.",
            $"Correct the dates of service in {ClaimFields.DateOfService(_form)}.");

    private ClaimFinding LineCodeMissing() => Finding(ClaimRules.LineCodeMissing, X12Code.Carc16,
        "The line has no procedure, revenue or NDC code, so it cannot be matched to an authorization.",
        $"Enter the code in {ClaimFields.Code(_form)}.");

    private ClaimFinding UnitsInvalid(decimal units) => Finding(ClaimRules.UnitsInvalid, X12Code.Carc16,
        $"The line bills {Amount(units)} units; a line bills at least some.",
        $"Enter the units, days or quantity in {ClaimFields.Units(_form)}.");

    private ClaimFinding CinInvalid(string? memberId) => Finding(ClaimRules.CinInvalid, X12Code.Carc31,
        string.IsNullOrWhiteSpace(memberId)
            ? "The claim has no client ID."
            : $"'{memberId.Trim()}' is not a CIN: a CIN is 9 characters — a 9, seven digits and a letter — or, where 14 characters are asked for, the BIC ID.",
        $"Enter the client's CIN or BIC ID in {ClaimFields.MemberId(_form)}.");

    private static ClaimFinding BinWrong(string? bin) => Finding(ClaimRules.BinWrong, X12Code.Carc109,
        string.IsNullOrWhiteSpace(bin)
            ? $"The pharmacy claim has no BIN. CCS pharmacy claims go to BIN {CcsBin}, otherwise they deny."
            : $"The pharmacy claim is sent to BIN {bin.Trim()}. CCS pharmacy claims go to BIN {CcsBin}, otherwise they deny.",
        $"Send the claim to BIN {CcsBin} ({ClaimFields.Bin}).");
}
