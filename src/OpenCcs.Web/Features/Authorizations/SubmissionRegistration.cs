using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenCcs.Data.Identity;
using OpenCcs.Data.Reference;

namespace OpenCcs.Web.Features.Authorizations;

/// <summary>A file sent through the API, its content in base64.</summary>
public sealed record SarAttachmentBody(string FileName, string ContentType, string ContentBase64);

/// <summary>The JSON body of <c>POST /api/v1/sars</c>.</summary>
public sealed record SarSubmissionBody(
    string? FormType = null, string? ClientId = null, string? DateOfBirth = null, string? RequestingProviderNpi = null,
    string? DiagnosisCode = null, string? FacilityNpi = null, IReadOnlyList<SarLineInput>? Lines = null,
    bool Expedited = false, string? ExpeditedReason = null, IReadOnlyList<string>? Flags = null, DateTime? ReceivedAt = null,
    IReadOnlyList<SarAttachmentBody>? Attachments = null, string? ExtendsSarNumber = null);

/// <summary>Handlers and endpoints for submitting SARs and following their status (the provider's side).</summary>
public static class SubmissionRegistration
{
    /// <summary>Providers submit; county intake and nurses enter fax and paper SARs with their received date.</summary>
    public const string SubmitPolicy = "sar-submit";

    /// <summary>Any provider may look up a SAR it shares, knowing its number and the child's date of birth.</summary>
    public const string SharedLookupPolicy = "sar-shared-lookup";

    /// <summary>150 MB of attachments in base64 (4/3 larger), with room for the rest of the request.</summary>
    public const long MaxBodyBytes = 210L * 1024 * 1024;

    public static readonly string[] SubmitRoles = [Roles.Provider, Roles.CountyIntake, Roles.NurseCaseManager];

    public static IServiceCollection AddSarSubmission(this IServiceCollection services)
    {
        // Reference tables are read once; the review side may register the same ones.
        services.TryAddSingleton(_ => AttachmentRulesLoader.Load());
        services.TryAddSingleton(_ => MediCalRxRedirectLoader.Load());
        services.TryAddSingleton(_ => ServiceCodeGroupTableLoader.Load());
        services.AddScoped<SarSubmissionValidator>();
        services.AddScoped<SarIdempotency>();
        services.AddScoped<SubmitSar>();
        // One writer per app stores every submission (group commit); it runs as long as the host does.
        services.AddSingleton<SarSubmissionBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<SarSubmissionBatcher>());
        services.AddScoped<SharedSarLookup>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SubmitPolicy, p => p.RequireAuthenticatedUser().RequireRole(SubmitRoles))
            .AddPolicy(SharedLookupPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Provider));
        return services;
    }

    public static void MapSarSubmission(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sars").WithTags("Service Authorization Requests");
        group.MapPost("/", SubmitAsync).RequireAuthorization(SubmitPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithSummary("Submits a SAR. Send an Idempotency-Key header to make retries safe.");
        group.MapGet("/{number}/sharing", async Task<Results<Ok<SharedSar>, NotFound>> (string number, string? dateOfBirth, SharedSarLookup handler, CancellationToken ct) =>
                await handler.HandleAsync(number, dateOfBirth, ct) is { } shared ? TypedResults.Ok(shared) : TypedResults.NotFound())
            .RequireAuthorization(SharedLookupPolicy)
            .WithSummary("For a provider sharing a SAR: whether it is approved and whom to enter as referring provider. Needs the child's date of birth.");
    }

    private static async Task<IResult> SubmitAsync(
        SarSubmissionBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, SubmitSar handler, CancellationToken ct)
    {
        var files = new List<SarFileInput>();
        var decodeErrors = new Dictionary<string, string[]>();
        foreach (var (file, i) in (body.Attachments ?? []).Select((f, i) => (f, i)))
        {
            var content = new byte[(file.ContentBase64?.Length ?? 0) * 3 / 4 + 3];
            if (Convert.TryFromBase64String(file.ContentBase64 ?? "", content, out var length))
                files.Add(new SarFileInput(file.FileName, file.ContentType, length, content[..length]));
            else
                decodeErrors[$"attachments[{i}]"] = [$"{file.FileName}: the content is not valid base64."];
        }
        if (decodeErrors.Count > 0) return TypedResults.ValidationProblem(decodeErrors, title: "The SAR has problems to correct.");
        var input = new SarSubmission(body.FormType, body.ClientId, body.DateOfBirth, body.RequestingProviderNpi, body.DiagnosisCode, body.FacilityNpi,
            body.Lines, body.Expedited, body.ExpeditedReason, body.Flags, body.ReceivedAt, body.ExtendsSarNumber);
        return await handler.HandleAsync(input, files, idempotencyKey, ct) switch
        {
            SubmitSarOutcome.Accepted a => TypedResults.Created($"/api/v1/sars/{a.Receipt.Number}", a.Receipt),
            SubmitSarOutcome.Invalid v => TypedResults.ValidationProblem(v.Errors, title: "The SAR has problems to correct."),
            SubmitSarOutcome.NotPaneled n => TypedResults.Problem(n.Explanation, statusCode: StatusCodes.Status403Forbidden, title: "The requesting provider may not submit SARs."),
            SubmitSarOutcome.KeyReused k => TypedResults.Problem(k.Detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The Idempotency-Key was used for another request."),
            _ => throw new InvalidOperationException("Unknown outcome."),
        };
    }
}
