using System.Globalization;
using OpenCcs.Core.Authorizations;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>Field errors in the order found; a field may have several.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>Turns the text a sender typed into the SAR's values, reporting each mistake against its field.</summary>
public static class SarInputParsing
{
    public static List<SarLineRequest> ParseLines(IReadOnlyList<SarLineInput>? inputs, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lines = new List<SarLineRequest>();
        var given = (inputs ?? []).Select((l, i) => (Line: l, Index: i)).Where(x => !IsBlank(x.Line)).ToList();
        if (given.Count == 0) { errors.Add("lines", "Request at least one service: fill in a line."); return lines; }
        foreach (var (line, i) in given)
        {
            var at = $"lines[{i}]";
            var label = $"Line {i + 1}";
            var system = ParseEnum<ServiceCodeSystem>(line.CodeSystem, $"{at}.codeSystem", $"{label}: choose the code system (CPT, HCPCS, NDC, supply code or inpatient days).", errors);
            if (system != ServiceCodeSystem.InpatientDays && string.IsNullOrWhiteSpace(line.Code))
                errors.Add($"{at}.code", $"{label}: enter the CPT, HCPCS, NDC or supply code.");
            if (string.IsNullOrWhiteSpace(line.Description)) errors.Add($"{at}.description", $"{label}: describe the service.");
            var from = ParseDate(line.From, $"{at}.from", $"{label}: enter the first date of service as year-month-day.", errors);
            var to = ParseDate(line.To, $"{at}.to", $"{label}: enter the last date of service as year-month-day.", errors);
            if (from is { } f && to is { } t && t < f) errors.Add($"{at}.to", $"{label}: the last date {t:yyyy-MM-dd} is before the first date {f:yyyy-MM-dd}.");
            if (line.Units is not { } units || units < 1)
                errors.Add($"{at}.units", system == ServiceCodeSystem.InpatientDays ? $"{label}: enter the number of inpatient days, at least 1." : $"{label}: enter the units, at least 1.");
            if (system is { } s && from is { } ff && to is { } tt && line.Units is { } u && u >= 1 && !string.IsNullOrWhiteSpace(line.Description)
                && (s == ServiceCodeSystem.InpatientDays || !string.IsNullOrWhiteSpace(line.Code)))
                lines.Add(new SarLineRequest(s, s == ServiceCodeSystem.InpatientDays ? null : line.Code!.Trim(), line.Description!.Trim(), ff, tt, u,
                    string.IsNullOrWhiteSpace(line.Frequency) ? null : line.Frequency.Trim()));
        }
        return lines;
    }

    public static SarRequestFlags ParseFlags(IReadOnlyList<string>? flags, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = SarRequestFlags.None;
        foreach (var text in flags ?? [])
        {
            if (Enum.TryParse<SarRequestFlags>(text, ignoreCase: true, out var flag) && flag != SarRequestFlags.None && Enum.IsDefined(flag)) result |= flag;
            else errors.Add("flags", $"{text} is not a request flag; use {string.Join(", ", Enum.GetNames<SarRequestFlags>().Skip(1))}.");
        }
        return result;
    }

    public static T? ParseEnum<T>(string? text, string field, string message, FieldErrors errors) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value)) return value;
        errors.Add(field, message);
        return null;
    }

    public static bool IsIcd10(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var c = code.Trim().ToUpperInvariant().Replace(".", "", StringComparison.Ordinal);
        return c.Length is >= 3 and <= 7 && char.IsAsciiLetter(c[0]) && c.All(char.IsAsciiLetterOrDigit) && char.IsAsciiDigit(c[1]);
    }

    private static DateOnly? ParseDate(string? text, string field, string message, FieldErrors errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, message);
        return null;
    }

    private static bool IsBlank(SarLineInput? line) =>
        line is null || (string.IsNullOrWhiteSpace(line.Code) && string.IsNullOrWhiteSpace(line.Description) && string.IsNullOrWhiteSpace(line.From)
            && string.IsNullOrWhiteSpace(line.To) && line.Units is null && string.IsNullOrWhiteSpace(line.Frequency)
            && (string.IsNullOrWhiteSpace(line.CodeSystem) || line.CodeSystem == nameof(ServiceCodeSystem.Cpt)));
}
