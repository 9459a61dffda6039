using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OpenCcs.Browser.Tests;

/// <summary>axe-core against the WCAG 2.0 and 2.1 level A and AA rules; any violation fails the test.</summary>
public static class Axe
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags },
        });
        Assert.True(result.Violations.Length == 0, Describe(what, page.Url, result.Violations));
    }

    private static string Describe(string what, string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"axe found {violations.Length} WCAG A/AA violation(s) on {what} ({url}):");
        foreach (var violation in violations)
        {
            text.AppendLine();
            text.Append($"- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine();
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m));
                text.Append($"    -> {node.Target}: {string.Join("; ", checks)}");
            }
        }
        return text.ToString();
    }
}
