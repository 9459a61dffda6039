using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;

namespace OpenCcs.Browser.Tests;

/// <summary>
/// One OpenCCS on a real socket (Kestrel on a free loopback port, fresh demo-seeded SQLite database,
/// Development so the sign-in page lists the demo accounts) and one headless Chromium, shared by the
/// tests of a class. Each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const int DesktopWidth = 1280;
    public const int DesktopHeight = 900;

    private CcsApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public CcsApp App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        // The browser first: a missing Chromium should fail fast, before seconds of seeding.
        (_playwright, _browser) = await Chromium.LaunchAsync();

        _app = new CcsApp(TestDatabase.Sqlite, environment: "Development");
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no addresses.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel listens on no plain HTTP address: {string.Join(", ", addresses)}.");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>A fresh browser context (no cookies) and a page in it, at the given viewport.</summary>
    public async Task<BrowserSession> OpenAsync(int width = DesktopWidth, int height = DesktopHeight)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = "America/Los_Angeles",
        });
        // Generous: the suite shares two cores with the app, its seeding and the other test classes.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>A fresh context signed in as the role's demo account through the sign-in form.</summary>
    public async Task<BrowserSession> SignedInAsAsync(string role, int width = DesktopWidth, int height = DesktopHeight)
    {
        var session = await OpenAsync(width, height);
        await session.SignInAsync(DemoAccounts.For(role).Email, DemoAccounts.Password);
        return session;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>One browser context and its page; disposing closes both.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public string Path => new Uri(Page.Url).AbsolutePath;

    /// <summary>Opens a page of the app and checks that it answered with the expected status.</summary>
    public async Task GoAsync(string relative, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(relative) ?? throw new InvalidOperationException($"No response for {relative}.");
        Assert.True(response.Status == expectedStatus, $"GET {relative} answered {response.Status}, expected {expectedStatus} (now at {Page.Url}).");
    }

    /// <summary>
    /// Types the email and password into the real sign-in form and presses its button. The caller waits
    /// for the outcome it expects (the dashboard's address, or the error alert).
    /// </summary>
    public async Task SubmitSignInAsync(string email, string password)
    {
        await GoAsync("/Account/SignIn");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in through the form and waits for the dashboard to load.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await SubmitSignInAsync(email, password);
        await WaitForPathAsync("/Dashboard");
    }

    /// <summary>Waits until the page at the given path is ready (see <see cref="WaitForUrlAsync"/>).</summary>
    public Task WaitForPathAsync(string path) =>
        WaitForUrlAsync(url => string.Equals(url.AbsolutePath, path, StringComparison.OrdinalIgnoreCase), $"the path {path}");

    /// <summary>Waits until the page whose query string contains <paramref name="part"/> is ready.</summary>
    public Task WaitForQueryAsync(string part) =>
        WaitForUrlAsync(url => url.Query.Contains(part, StringComparison.Ordinal), $"a query with {part}");

    /// <summary>
    /// Waits until the browser is at an address that <paramref name="matches"/> and that page is parsed with
    /// its stylesheets applied (the layout ends with a script, and a script runs only after the stylesheets
    /// before it, so DOMContentLoaded is late enough for axe and for reading the page). Readiness is asked of
    /// the page itself: Playwright's <c>WaitForURLAsync</c>, when the address already matches, waits for the
    /// client-side "load" event, which after a redirect was once never delivered and hung a CI run.
    /// </summary>
    public async Task WaitForUrlAsync(Func<Uri, bool> matches, string description)
    {
        var deadline = DateTime.UtcNow + NavigationTimeout;
        while (!matches(new Uri(Page.Url)))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {NavigationTimeout.TotalSeconds:0} s for {description}; the browser is still at {Page.Url}.");
            await Task.Delay(25);
        }
        var href = Page.Url;
        await Page.WaitForFunctionAsync("href => location.href === href && document.readyState !== 'loading'", href,
            new() { Timeout = (float)NavigationTimeout.TotalMilliseconds });
    }

    private static readonly TimeSpan NavigationTimeout = TimeSpan.FromSeconds(30);

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator PrimaryNavigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Primary navigation" });

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
