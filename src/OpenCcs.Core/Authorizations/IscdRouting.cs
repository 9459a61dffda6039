using OpenCcs.Core.Calendar;
using OpenCcs.Core.Common;

namespace OpenCcs.Core.Authorizations;

/// <summary>The three ISCD review inboxes a county forwards SARs to (reference/004).</summary>
public enum IscdQueue
{
    PhysicianReview,
    ExpeditedReview,
    DirectedReview,
}

/// <summary>
/// What points a request to an ISCD category: any one hint matching is enough. Codes match the
/// request's lines, diagnosis prefixes its ICD-10 code (dots ignored), keywords its words (whole
/// words, any case), flags and form types what the request says about itself.
/// </summary>
public sealed record IscdHints(
    IReadOnlyList<CodeRange> Codes,
    IReadOnlyList<string> DiagnosisPrefixes,
    IReadOnlyList<string> Keywords,
    SarRequestFlags Flags,
    IReadOnlyList<SarFormType> FormTypes);

/// <summary>One category reference/004 lists under a queue, with the hints that suggest it.</summary>
public sealed record IscdCategory(string Id, string Name, IscdQueue Queue, IscdHints Hints, string Source);

/// <summary>What routing looks at in a request.</summary>
public sealed record IscdRoutingFacts(
    IReadOnlyList<ServiceCode> Codes, string DiagnosisCode, string Text, SarRequestFlags Flags, SarFormType FormType)
{
    /// <summary>The SAR's codes, diagnosis, flags and form, and its words: line descriptions, expedited reason and any notes.</summary>
    public static IscdRoutingFacts From(Sar sar, string? notes = null)
    {
        ArgumentNullException.ThrowIfNull(sar);
        var codes = sar.Lines.Select(l => l.ServiceCode).OfType<ServiceCode>().ToArray();
        var text = string.Join(" \n ", sar.Lines.Select(l => l.Description).Append(sar.ExpeditedReason ?? "").Append(notes ?? ""));
        return new(codes, sar.DiagnosisCode, text, sar.Flags, sar.FormType);
    }
}

/// <summary>The proposed queue, the category that matched (null for escalation by age) and what matched, in words.</summary>
public sealed record IscdProposal(IscdQueue Queue, IscdCategory? Category, string MatchedOn);

/// <summary>
/// The ISCD routing categories (iscd-routing.json). Proposes a queue for a request: Physician Review
/// categories first (that inbox takes only them), then Expedited, then Directed, each in file order.
/// A SAR pending more than <see cref="EscalateAfterDays"/> days since receipt goes to Directed Review.
/// </summary>
public sealed class IscdRoutingTable
{
    private readonly IscdCategory[] _categories;

    public IscdRoutingTable(IEnumerable<IscdCategory> categories, int escalateAfterDays, string escalationSource, string version)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentOutOfRangeException.ThrowIfLessThan(escalateAfterDays, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(escalationSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        _categories = categories.Select((c, i) => (c, i)).OrderBy(x => x.c.Queue).ThenBy(x => x.i).Select(x => x.c).ToArray();
        if (_categories.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"ISCD routing category '{twice.Key}' appears twice.", nameof(categories));
        EscalateAfterDays = escalateAfterDays;
        EscalationSource = escalationSource;
        Version = version;
    }

    public string Version { get; }

    /// <summary>In proposal order.</summary>
    public IReadOnlyList<IscdCategory> Categories => _categories;

    public int EscalateAfterDays { get; }

    public string EscalationSource { get; }

    public IscdCategory? Category(string id) => Array.Find(_categories, c => c.Id == id);

    /// <summary>The queue the request's facts point to, or null when no category matches.</summary>
    public IscdProposal? ProposeQueue(IscdRoutingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var category in _categories)
        {
            if (MatchOf(category.Hints, facts) is { } matched) return new(category.Queue, category, matched);
        }
        return null;
    }

    /// <summary>As <see cref="ProposeQueue(IscdRoutingFacts)"/>, except that a SAR pending too long goes to Directed Review.</summary>
    public IscdProposal? ProposeQueue(Sar sar, DateTime nowUtc, string? notes = null) =>
        IsEscalated(sar, nowUtc)
            ? new(IscdQueue.DirectedReview, null, $"pending more than {EscalateAfterDays} days since receipt")
            : ProposeQueue(IscdRoutingFacts.From(sar, notes));

    /// <summary>
    /// Still undecided more than <see cref="EscalateAfterDays"/> calendar days after the day it was received,
    /// counted on California dates (reference/004: "SARs submitted more than 45 days ago").
    /// </summary>
    public bool IsEscalated(Sar sar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(sar);
        Utc.Require(nowUtc);
        return sar.IsPending && PacificDate(nowUtc).DayNumber - PacificDate(sar.ReceivedAt).DayNumber > EscalateAfterDays;
    }

    public static string Describe(IscdQueue queue) => queue switch
    {
        IscdQueue.PhysicianReview => "ISCD Physician Review",
        IscdQueue.ExpeditedReview => "ISCD Expedited Review",
        _ => "ISCD Directed Review",
    };

    private static string? MatchOf(IscdHints hints, IscdRoutingFacts facts)
    {
        foreach (var code in facts.Codes)
        {
            if (hints.Codes.FirstOrDefault(r => r.Contains(code)) is not null) return $"code {code}";
        }
        var diagnosis = facts.DiagnosisCode.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        if (hints.DiagnosisPrefixes.FirstOrDefault(p => diagnosis.StartsWith(p.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant(), StringComparison.Ordinal)) is { } prefix)
            return $"diagnosis {facts.DiagnosisCode} ({prefix})";
        if ((hints.Flags & facts.Flags) is var flags && flags != SarRequestFlags.None) return $"request marked {flags}";
        if (hints.FormTypes.Contains(facts.FormType)) return $"form {facts.FormType}";
        if (hints.Keywords.FirstOrDefault(k => ContainsWord(facts.Text, k)) is { } keyword) return $"the words \"{keyword}\"";
        return null;
    }

    private static bool ContainsWord(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]))) return true;
        }
        return false;
    }

    private static DateOnly PacificDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, BusinessCalendar.Pacific));
}
