using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OpenCcs.Data;
using OpenCcs.Data.Identity;
using OpenCcs.Web;
using OpenCcs.Web.Api;
using OpenCcs.Web.Audit;
using OpenCcs.Web.Auth;
using OpenCcs.Web.Features;
using OpenCcs.Web.Notices;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

if (!builder.Environment.IsDevelopment())
    builder.Logging.AddJsonConsole();

services.AddCcsDatabase(builder.Configuration);
services.AddSingleton(TimeProvider.System);
services.AddHttpContextAccessor();
services.AddScoped<CurrentUser>();
services.AddScoped<ChildAccess>();
services.AddScoped<Auditor>();
// One writer per app commits the audit events of reads in groups; it runs as long as the host does.
services.AddSingleton<AuditWriter>();
services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
services.AddFeatureHandlers();
services.AddNotices();

services.AddIdentityCore<CcsUser>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Password.RequiredLength = 12;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<CcsDbContext>()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<CcsClaimsFactory>()
    .AddDefaultTokenProviders();
services.AddAuthentication(AuthSetup.CookieOrBearer)
    .AddPolicyScheme(AuthSetup.CookieOrBearer, "Cookie for pages, bearer token for scripts", AuthSetup.SelectScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, AuthSetup.ConfigureBearer)
    .AddIdentityCookies();
services.ConfigureApplicationCookie(AuthSetup.ConfigureCookie);
services.AddAuthorization(Policies.Add);
services.AddDataProtection().SetApplicationName("OpenCCS").PersistKeysToDbContext<CcsDbContext>();

services.AddRazorPages(options =>
{
    options.RootDirectory = "/Features";
    options.Conventions.AuthorizeFolder("/Children", Policies.ChildRecords);
    options.Conventions.AuthorizeFolder("/Authorizations", Policies.ChildRecords);
    options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
});
services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier);
services.AddExceptionHandler<ApiExceptionHandler>();
services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "OpenCCS API";
    doc.Info.Description = "California Children's Services: children, authorizations and audit. Get a bearer token from POST /api/v1/auth/token.";
    return Task.CompletedTask;
}));
services.AddHealthChecks().AddDbContextCheck<CcsDbContext>("database");
// Tracing only when there is somewhere to send it: recording spans nobody reads costs every request CPU.
if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    services.AddOpenTelemetry()
        .ConfigureResource(r => r.AddService("OpenCCS"))
        .WithTracing(tracing =>
        {
            tracing.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/lib"));
            tracing.AddSource(Telemetry.SourceName);
            tracing.AddOtlpExporter();
        });
}

var app = builder.Build();

await Startup.PrepareDatabaseAsync(app);

app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
{
    if (!app.Environment.IsDevelopment()) pages.UseExceptionHandler("/Error");
    pages.UseStatusCodePagesWithReExecute("/StatusCode/{0}");
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages();
app.MapApi();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/scalar", o => o.WithTitle("OpenCCS API")).AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
