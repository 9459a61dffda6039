using System.Globalization;
using System.Resources;
using OpenCcs.Core.Common;

namespace OpenCcs.Web.Notices;

/// <summary>
/// The wording of the notices, from NoticeText.resx (English) and NoticeText.es.resx (Spanish),
/// always read for an explicit culture — never the thread's current culture — so a notice is in
/// the family's language whoever's request produced it.
/// </summary>
internal sealed class NoticeText
{
    private static readonly ResourceManager Resources = new("OpenCcs.Web.Notices.NoticeText", typeof(NoticeText).Assembly);

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    public static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-US");

    public NoticeText(CultureInfo culture) => Culture = culture;

    public CultureInfo Culture { get; }

    /// <summary>The BCP 47 tag written into the PDF as its language.</summary>
    public string LanguageTag => Culture.Name;

    public static NoticeText For(Language language) => new(language == Language.Spanish ? Spanish : English);

    /// <summary>The whole resource set of one culture, without falling back to English: for tests that compare translations.</summary>
    internal static ResourceSet? ResourceSetFor(CultureInfo culture) => Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);

    public string this[string key] =>
        Resources.GetString(key, Culture) ?? throw new InvalidOperationException($"Notice text '{key}' is missing.");

    /// <summary>A text with placeholders filled in, numbers and dates formatted for the notice's culture.</summary>
    public string Format(string key, params object[] values) => string.Format(Culture, this[key], values);

    /// <summary>A date written out, e.g. "March 5, 2026" or "5 de marzo de 2026".</summary>
    public string Date(DateOnly date) => date.ToString(this["DateFormat"], Culture);

    /// <summary>A compact date for tables, e.g. "03/05/2026".</summary>
    public string ShortDate(DateOnly date) => date.ToString(this["ShortDateFormat"], Culture);

    public string Units(decimal units) => units.ToString("0.##", Culture);

    public string PageNumber(int page, int pages) => Format("PageNumber", page, pages);

    public bool Has(string key) => Resources.GetString(key, Culture) is not null;
}
