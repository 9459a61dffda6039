namespace OpenCcs.Web.Api;

/// <summary>Headers that keep browsers from sniffing, framing or leaking pages that hold children's records.</summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; font-src 'self'; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    // The API reference UI at /scalar runs inline scripts and styles of its own.
    private const string ApiReferencePolicy =
        "default-src 'self'; img-src 'self' data:; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
        "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentSecurityPolicy;
        if (!context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/css"))
        {
            // Pages with children's records must not be cached; set last so forms' own anti-forgery caching rules stand.
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey("Cache-Control")) context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
        }
        await next();
    });
}
