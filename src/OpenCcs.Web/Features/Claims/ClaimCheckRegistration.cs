using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenCcs.Core.Claims;
using OpenCcs.Data.Claims;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Reference;

namespace OpenCcs.Web.Features.Claims;

/// <summary>The claim check: who may use it, its handler, and <c>POST /api/v1/claims/check</c> and <c>/check-x12</c>.</summary>
public static class ClaimCheckRegistration
{
    public const string CheckPolicy = "claim-check";

    /// <summary>
    /// Providers check their own organisation's claims; county intake and nurses (their county's SARs) and ISCD
    /// (every county) check claims for providers who call about a denial. See README.md in this folder.
    /// </summary>
    public static readonly string[] CheckRoles = [Roles.Provider, Roles.CountyIntake, Roles.NurseCaseManager, Roles.IscdReviewer];

    /// <summary>One claim as JSON.</summary>
    public const long MaxJsonBytes = 1024 * 1024;

    public static IServiceCollection AddClaimCheck(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => ServiceCodeGroupTableLoader.Load());
        services.TryAddSingleton<ClaimChecker>();
        services.AddScoped<ClaimFactsLoader>();
        services.AddScoped<CheckClaims>();
        services.AddScoped<CheckClaimFile>();
        services.AddAuthorizationBuilder().AddPolicy(CheckPolicy, p => p.RequireAuthenticatedUser().RequireRole(CheckRoles));
        return services;
    }

    public static RouteGroupBuilder MapClaimCheck(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/claims").WithTags("Claim check").RequireAuthorization(CheckPolicy);
        group.MapPost("/check", CheckAsync)
            .Accepts<ClaimCheckRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxJsonBytes))
            .WithSummary("Checks one claim against its SAR before it is sent: each line pays or denies, with every failed rule, its CARC/RARC code, the reason and the fix.");
        group.MapPost("/check-x12", (HttpContext http, CheckClaimFile handler, CancellationToken ct) => handler.HandleAsync(http, ct))
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Described here rather than with Accepts(), whose content-type matching would answer 415 before authorization.
                operation.RequestBody = CheckClaimFile.RequestBody();
                return Task.CompletedTask;
            })
            .Produces<FileCheckAnswer>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new RequestSizeLimitAttribute(CheckClaimFile.MaxFileBytes))
            .WithSummary($"Checks every claim of an 837P or 837I (5010) file, sent as the request body ({CheckClaimFile.X12MediaType} or text/plain) or as a multipart upload, at most {CheckClaimFile.MaxFileBytes / 1024 / 1024} MB. An unreadable file gives 422 naming the segment.");
        return group;
    }

    private static async Task<Results<Ok<ClaimCheckAnswer>, ValidationProblem, ProblemHttpResult>> CheckAsync(
        HttpRequest request, CheckClaims handler, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            return TypedResults.Problem("Send the claim as JSON (Content-Type: application/json); an 837 file goes to /api/v1/claims/check-x12.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The claim must be JSON.");
        ClaimCheckRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ClaimCheckRequest>(request.Body, json.Value.SerializerOptions, ct);
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [ExpectedFor(field)] }, title: "The claim has problems to correct.");
        }
        if (body is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the claim as a JSON object."] }, title: "The claim has problems to correct.");
        return await handler.CheckAsync(body.ToClaim(), ct) switch
        {
            ClaimCheckOutcome.Checked { Results: [var result] } => TypedResults.Ok(ClaimCheckAnswer.From(result)),
            ClaimCheckOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The claim has problems to correct."),
            ClaimCheckOutcome.Refused refused => TypedResults.Problem(refused.Detail, statusCode: StatusCodes.Status403Forbidden, title: "You may not check this claim."),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    /// <summary>"$.lines[0].units" → "lines[0].units", the key the form and the validation errors use.</summary>
    public static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static string ExpectedFor(string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        return name switch
        {
            "from" or "to" => $"{field}: enter the date as year-month-day, for example 2026-12-01.",
            "units" or "lineNumber" => $"{field}: enter a number.",
            "form" => $"{field}: use Professional, Institutional or Pharmacy.",
            "emergency" or "trauma" or "brandName" => $"{field}: use true or false.",
            "modifiers" => $"{field}: a list of two-character modifiers, for example [\"26\"].",
            "lines" => $"{field}: a list of service lines.",
            "body" => "The body is not valid JSON.",
            _ => $"{field}: this value has the wrong type; see the schema in the API documentation.",
        };
    }
}
