using System.Net;
using System.Net.Http.Json;
using OpenCcs.Data.Identity;
using OpenCcs.Testing;

namespace OpenCcs.Web.Tests.Hosting;

public sealed class StartupTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Fresh_database_is_migrated_seeded_and_healthy(TestDatabase database)
    {
        using var app = new CcsApp(database);
        var client = app.CreateClient();

        var health = await client.GetAsync("/health");
        var home = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("California Children", home);
        var nurse = await app.ApiClientForRoleAsync(Roles.NurseCaseManager);
        var me = await nurse.GetFromJsonAsync<Dictionary<string, object>>("/api/v1/me");
        Assert.Equal("county-nurse", me!["role"].ToString());
    }
}
