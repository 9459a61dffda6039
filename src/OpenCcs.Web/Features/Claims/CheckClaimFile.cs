using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using OpenCcs.Core.Claims;
using OpenCcs.X12;
using OpenCcs.X12.Claims;

namespace OpenCcs.Web.Features.Claims;

/// <summary>
/// Checks every claim of an 837 file as it streams in: the request body (or the uploaded part of a multipart
/// form) goes straight through <see cref="Claim837Reader"/>, claims are checked in batches, and only the answers
/// are kept, so a fatal reading error anywhere still gives one clear problem naming the segment.
/// </summary>
public sealed class CheckClaimFile(CheckClaims handler)
{
    public const string X12MediaType = "application/edi-x12";

    /// <summary>About 60,000 service lines. Larger files go through <c>ccs claims check</c>, which streams its report.</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    private const int BatchSize = 500;

    private static readonly string[] RawMediaTypes = [X12MediaType, "application/x12", "text/plain", "application/octet-stream"];

    /// <summary>The request body as the OpenAPI document shows it: the 837 text, raw or as an uploaded file.</summary>
    public static OpenApiRequestBody RequestBody()
    {
        var text = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "An 837P or 837I 5010 interchange, ISA to IEA." } };
        var upload = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            },
        };
        return new OpenApiRequestBody
        {
            Required = true,
            Description = $"The 837 file, at most {MaxFileBytes / 1024 / 1024} MB.",
            Content = new Dictionary<string, OpenApiMediaType> { [X12MediaType] = text, ["text/plain"] = text, ["multipart/form-data"] = upload },
        };
    }

    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        // The reader is synchronous, so the body is first taken in whole, asynchronously: in memory up to 1 MB, then in
        // a temporary file, never past the size limit. No thread then waits on the network while claims are read.
        if (await BufferAsync(http.Request, cancellationToken) is { } tooLarge) return tooLarge;
        var body = await OpenFileAsync(http.Request, cancellationToken);
        if (body is null)
            return TypedResults.Problem(
                $"Send the 837 file as the request body with Content-Type {X12MediaType} or text/plain, or upload it as multipart/form-data.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The request holds no 837 file.");

        var usage = new SarUsage();
        var answers = new List<ClaimCheckAnswer>();
        var batch = new List<(Claim837 Read, ClaimToCheck Claim)>(BatchSize);
        using var reader = new Claim837Reader(body, leaveOpen: true);
        try
        {
            foreach (var claim in reader.ReadClaims())
            {
                batch.Add((claim, claim.ToClaimToCheck()));
                if (batch.Count < BatchSize) continue;
                if (await CheckAsync(batch, usage, answers, cancellationToken) is { } refused) return refused;
                batch.Clear();
            }
            if (batch.Count > 0 && await CheckAsync(batch, usage, answers, cancellationToken) is { } lastRefused) return lastRefused;
        }
        catch (X12Exception unreadable)
        {
            return TypedResults.Problem(unreadable.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The 837 file could not be read.",
                extensions: new Dictionary<string, object?> { ["segmentNumber"] = unreadable.SegmentNumber, ["segmentId"] = unreadable.SegmentId });
        }
        if (answers.Count == 0)
            return TypedResults.Problem("The file is readable X12 but holds no 837 claims (CLM segments).", statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The 837 file could not be read.");
        var lines = answers.Sum(a => a.Lines.Count);
        var denied = answers.Sum(a => a.Lines.Count(l => !l.Pays));
        return TypedResults.Ok(new FileCheckAnswer(answers.Count, lines, denied, answers, reader.Issues.Select(i => i.Message).ToList()));
    }

    private async Task<IResult?> CheckAsync(List<(Claim837 Read, ClaimToCheck Claim)> batch, SarUsage usage, List<ClaimCheckAnswer> answers, CancellationToken cancellationToken)
    {
        switch (await handler.CheckBatchAsync(batch.Select(b => b.Claim).ToList(), usage, cancellationToken))
        {
            case ClaimCheckOutcome.Checked checkedBatch:
                for (var i = 0; i < batch.Count; i++)
                    answers.Add(ClaimCheckAnswer.From(checkedBatch.Results[i], batch[i].Read.SegmentNumber, batch[i].Read.Problems.Select(p => p.Message).ToList()));
                return null;
            case ClaimCheckOutcome.Refused refused:
                return TypedResults.Problem(refused.Detail, statusCode: StatusCodes.Status403Forbidden, title: "You may not check this file.");
            default:
                throw new InvalidOperationException("A batch of 837 claims is checked as read, never refused for its shape.");
        }
    }

    private static async Task<IResult?> BufferAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            request.EnableBuffering(bufferThreshold: 1024 * 1024, bufferLimit: MaxFileBytes + 64 * 1024);
            await request.Body.DrainAsync(cancellationToken);
            request.Body.Position = 0;
            return null;
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            return TypedResults.Problem(
                $"The file is larger than {MaxFileBytes / 1024 / 1024} MB. Split it, or check it with `ccs claims check FILE`, which has no size limit.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "The 837 file is too large.");
        }
    }

    /// <summary>The raw body, or the first file part of a multipart upload, read as it arrives; null for any other content.</summary>
    private static async Task<Stream?> OpenFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return request.ContentType is null ? request.Body : null;
        var media = type.MediaType.Value ?? "";
        if (RawMediaTypes.Contains(media, StringComparer.OrdinalIgnoreCase)) return request.Body;
        if (!media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return null;
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return null;
        var multipart = new MultipartReader(boundary, request.Body);
        while (await multipart.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                return section.Body;
        }
        return null;
    }
}
