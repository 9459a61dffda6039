using System.Buffers.Binary;
using OpenCcs.Data.Identity;

namespace OpenCcs.Browser.Tests;

/// <summary>
/// The README's picture of OpenCCS is a screenshot of the real county nurse dashboard, taken by this test.
/// Every run writes it to the test output folder; set OPENCCS_UPDATE_SCREENSHOTS=1 to also replace
/// docs/images/dashboard-nurse.png in the repository (it is written there anyway when missing).
/// </summary>
public sealed class ScreenshotTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DocsImage = "docs/images/dashboard-nurse.png";

    [Fact]
    public async Task Nurse_dashboard_screenshot_is_taken_from_the_real_page_at_1280_by_900()
    {
        await using var session = await browser.SignedInAsAsync(Roles.NurseCaseManager, 1280, 900);
        await session.Page.GetByTestId("dashboard").WaitForAsync();
        // Web fonts must have loaded, or the picture shows fallback text.
        await session.Page.EvaluateAsync("() => document.fonts.ready.then(() => true)");

        var png = await session.Page.ScreenshotAsync(new() { Type = Microsoft.Playwright.ScreenshotType.Png });

        Assert.Equal((1280, 900), PngSize(png));
        var output = Path.Combine(AppContext.BaseDirectory, "screenshots", "dashboard-nurse.png");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllBytesAsync(output, png);
        var docs = Path.Combine(RepositoryRoot(), DocsImage);
        if (!File.Exists(docs) || Environment.GetEnvironmentVariable("OPENCCS_UPDATE_SCREENSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
            await File.WriteAllBytesAsync(docs, png);
        }
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "The screenshot is not a PNG.");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpenCcs.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No OpenCcs.sln above {AppContext.BaseDirectory}.");
    }
}
