using System.Net;
using System.Net.Http.Json;
using System.Text;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Seed;
using OpenCcs.Testing;
using OpenCcs.Web.Tests.Testing;

namespace OpenCcs.Web.Tests.Account;

/// <summary>Signing in and out with the form and with the token endpoint, lockout, and the demo accounts list.</summary>
public abstract class SignInTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebApp
{
    private const string AuthCookie = "openccs";
    private const string WrongPassword = "Not-The-Password-1";
    private const string WrongCredentialsMessage = "The email or password is not right.";
    private const string LockedMessage = "This account is locked after too many failed sign-ins.";

    [Fact]
    public async Task Wrong_password_shows_the_form_again_with_a_message_and_sets_no_sign_in_cookie()
    {
        var email = await NewAccountAsync();
        var client = app.AnonymousClient();

        var response = await PostSignInAsync(client, email, WrongPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Responses.SetsCookie(response, AuthCookie), "A failed sign-in set the sign-in cookie.");
        var page = await Responses.HtmlAsync(response);
        Assert.Contains(WrongCredentialsMessage, page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(email, page.QuerySelector("input[name='Input.Email']")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector("input[name='Input.Password']")?.GetAttribute("value"));
        Responses.AssertRedirect(await client.GetAsync("/Dashboard"), "/Account/SignIn");
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_so_the_right_password_is_then_refused()
    {
        var email = await NewAccountAsync();
        var client = app.AnonymousClient();

        var failures = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
            failures.Add(await (await PostSignInAsync(client, email, WrongPassword)).Content.ReadAsStringAsync());
        var rightPassword = await PostSignInAsync(client, email, DemoAccounts.Password);

        Assert.All(failures.Take(4), f => Assert.Contains(WrongCredentialsMessage, f));
        Assert.Contains(LockedMessage, failures[4]);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains(LockedMessage, await rightPassword.Content.ReadAsStringAsync());
        Assert.False(Responses.SetsCookie(rightPassword, AuthCookie), "A locked account was signed in.");
        var token = await app.AnonymousClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoAccounts.Password });
        var problem = await Responses.AssertProblemAsync(token, HttpStatusCode.Unauthorized);
        Assert.Equal("Account locked.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Right_password_signs_in_with_a_cookie_and_goes_to_the_dashboard()
    {
        var email = await NewAccountAsync();
        var client = app.AnonymousClient();

        var response = await PostSignInAsync(client, email, DemoAccounts.Password);

        Responses.AssertRedirect(response, "/Dashboard");
        Assert.True(Responses.SetsCookie(response, AuthCookie), "A successful sign-in set no sign-in cookie.");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Dashboard")).StatusCode);
    }

    [Fact]
    public async Task Token_request_with_a_wrong_password_is_refused_with_401_problem_details()
    {
        var email = await NewAccountAsync();

        var response = await app.AnonymousClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = WrongPassword });

        var problem = await Responses.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Sign-in failed.", problem.GetProperty("title").GetString());
        Assert.False(problem.TryGetProperty("accessToken", out _));
    }

    [Theory]
    [InlineData("{}", "email,password")]
    [InlineData("""{"email":"someone@example.org"}""", "password")]
    [InlineData("""{"password":"OpenCcs-Demo-2026"}""", "email")]
    [InlineData("""{"email":" ","password":""}""", "email,password")]
    public async Task Token_request_missing_a_field_is_a_400_validation_problem_naming_the_field(string body, string fields)
    {
        var response = await app.AnonymousClient().PostAsync("/api/v1/auth/token", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Responses.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var named = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order();
        Assert.Equal(fields.Split(','), named);
    }

    [Fact]
    public async Task Sign_out_without_an_anti_forgery_token_is_rejected_and_the_user_stays_signed_in()
    {
        var client = await app.PageClientAsync(await NewAccountAsync());

        var response = await client.PostAsync("/Account/SignOut", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Dashboard")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_with_the_pages_anti_forgery_token_signs_the_user_out()
    {
        var client = await app.PageClientAsync(await NewAccountAsync());
        var dashboard = await client.GetStringAsync("/Dashboard");

        var response = await client.PostAsync("/Account/SignOut", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", CcsApp.AntiForgeryToken(dashboard))]));

        Responses.AssertRedirect(response, "/");
        Responses.AssertRedirect(await client.GetAsync("/Dashboard"), "/Account/SignIn");
    }

    [Fact]
    public async Task Demo_accounts_are_not_listed_on_the_sign_in_page_outside_development()
    {
        var page = await app.AnonymousClient().GetStringAsync("/Account/SignIn");

        Assert.Contains("Sign in to OpenCCS", page);
        Assert.DoesNotContain("Demo accounts", page);
        Assert.All(DemoAccounts.All, a => Assert.DoesNotContain(a.Email, page));
        Assert.DoesNotContain(DemoAccounts.Password, page);
    }

    [Fact]
    public async Task Demo_accounts_are_listed_on_the_sign_in_page_in_development()
    {
        using var development = new CcsApp(app.Database, seed: false, environment: "Development");

        var page = await development.CreateClient().GetStringAsync("/Account/SignIn");

        Assert.Contains("Demo accounts", page);
        Assert.All(DemoAccounts.All, a => Assert.Contains(a.Email, page));
    }

    private async Task<string> NewAccountAsync()
    {
        var email = $"worker-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Roles.EligibilityWorker, DemoAccounts.HomeCounty);
        return email;
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/SignIn");
        return await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = CcsApp.AntiForgeryToken(form),
        }));
    }
}

public sealed class SignInOnSqlite(SqliteApp app) : SignInTests<SqliteApp>(app);

public sealed class SignInOnPostgres(PostgresApp app) : SignInTests<PostgresApp>(app);
