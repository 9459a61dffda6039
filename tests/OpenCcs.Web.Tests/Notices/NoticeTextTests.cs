using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using OpenCcs.Web.Notices;

namespace OpenCcs.Web.Tests.Notices;

public sealed partial class NoticeTextTests
{
    [Fact]
    public void Every_family_text_has_a_spanish_translation_with_the_same_placeholders()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var spanish = Entries(CultureInfo.GetCultureInfo("es"));

        var familyKeys = english.Keys.Where(k => !k.StartsWith("Cover", StringComparison.Ordinal) && !k.StartsWith("Queue", StringComparison.Ordinal));
        Assert.Empty(familyKeys.Except(spanish.Keys));
        Assert.Empty(spanish.Keys.Except(english.Keys));
        foreach (var (key, text) in spanish)
            Assert.True(Placeholders(english[key]).SetEquals(Placeholders(text)), $"'{key}' has different placeholders in Spanish");
    }

    [Fact]
    public void Text_follows_the_culture_asked_for_not_the_thread_culture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-MX");
            var pdf = PdfReader.Read(NoticeOfActionPdf.Render(NoticeSamples.Denial()));
            Assert.Contains("Notice of Action", pdf.Text);
            Assert.DoesNotContain("Aviso de Acción", pdf.Text);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static Dictionary<string, string> Entries(CultureInfo culture)
    {
        var set = NoticeText.ResourceSetFor(culture);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
