using System.Reflection;
using OpenCcs.Core.Claims;

namespace OpenCcs.Core.Tests.Claims;

/// <summary>The legend the portal shows: every rule id once, with a title and its X12 code.</summary>
public class ClaimRulesTests
{
    private static readonly string[] DeclaredIds = typeof(ClaimRules)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Every_rule_id_is_in_the_legend_once()
    {
        Assert.Equal(DeclaredIds.Order(), ClaimRules.All.Select(r => r.Id).Order());
        Assert.Equal(ClaimRules.All.Count, ClaimRules.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Every_rule_has_a_stable_id_a_title_and_a_source()
    {
        Assert.All(ClaimRules.All, rule =>
        {
            Assert.Matches("^claim\\.[a-z0-9-]+$", rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title));
            Assert.False(string.IsNullOrWhiteSpace(rule.Source));
        });
    }

    [Theory]
    [InlineData(ClaimRules.SarMissing, "CARC 15")]
    [InlineData(ClaimRules.SarInvalid, "CARC 15")]
    [InlineData(ClaimRules.SarNotFound, "CARC 197")]
    [InlineData(ClaimRules.SarNotApproved, "CARC 197")]
    [InlineData(ClaimRules.SarOtherClient, "CARC 197")]
    [InlineData(ClaimRules.OutsideSarDates, "CARC 197")]
    [InlineData(ClaimRules.UnitsExceeded, "CARC 198")]
    [InlineData(ClaimRules.ServiceNotAuthorized, "RARC N54")]
    public void Rules_the_domain_names_a_code_for_carry_that_code(string rule, string code)
    {
        Assert.Equal(code, ClaimRules.Find(rule)?.Code?.ToString());
    }

    [Fact]
    public void Unknown_rule_id_is_not_found()
    {
        Assert.Null(ClaimRules.Find("claim.no-such-rule"));
        Assert.Null(ClaimRules.Find(null));
    }
}
