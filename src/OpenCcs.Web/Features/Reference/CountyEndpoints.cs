using OpenCcs.Core.Counties;

namespace OpenCcs.Web.Features.Reference;

public sealed record CountyView(string Code, string Name, string Fips, CareModel CareModel, string? Plan, Administration Administration, string? Phone, string? Fax);

/// <summary>The county directory is public reference data: who runs CCS where, and how to reach the office.</summary>
public static class CountyEndpoints
{
    public static void MapCounties(this RouteGroupBuilder api) =>
        api.MapGet("/counties", (CountyDirectory counties, TimeProvider clock, DateOnly? on) =>
            {
                var date = on ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                return TypedResults.Ok(counties.All.Select(c =>
                {
                    var model = c.ModelOn(date);
                    return new CountyView(c.Code.ToString(), c.Name, c.FipsCode, model.CareModel, model.PlanName, model.Administration, c.Office?.Phone, c.Office?.Fax);
                }));
            })
            .AllowAnonymous()
            .WithTags("Reference")
            .WithSummary("The 58 counties with the CCS model in force on a date (default today).");
}
