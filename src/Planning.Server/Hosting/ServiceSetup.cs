using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planning.Server.Access;
using Planning.Server.Data;
using Planning.Server.Dataset;
using Planning.Server.Errors;
using Planning.Server.Services;
using Planning.Server.Simulation;

namespace Planning.Server.Hosting;

public static class ServiceSetup
{
    /// <summary>Registers the database, gRPC services, health checks and reflection.</summary>
    public static IHostApplicationBuilder AddPlanningServices(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Planning")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:Planning is not set (environment variable ConnectionStrings__Planning); scripts/db url prints it.");
        ListenGuard.Check(builder.Configuration);
        var limits = (builder.Configuration.GetSection("Limits").Get<ServerLimits>() ?? new ServerLimits()).Checked();
        builder.Services.AddSingleton(limits);

        builder.Services.AddDbContext<PlanningDb>(options => options
            .UseNpgsql(connectionString, o => o.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention());

        builder.Services.AddScoped<DatasetImporter>();
        builder.Services.AddScoped<LayerExporter>();
        builder.Services.AddScoped<EngineInputs>();
        builder.Services.AddScoped<ScenarioStore>();
        builder.Services.AddScoped<RunResults>();
        builder.Services.AddScoped<RunQueries>();
        builder.Services.AddScoped<Assessment.AssessmentQueries>();
        builder.Services.AddSingleton<RunQueue>();
        builder.Services.AddSingleton<RunEndRecorder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RunEndRecorder>());
        builder.AddPlanningAccess();

        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ErrorInterceptor>();
            o.MaxReceiveMessageSize = limits.MaxMessageBytes;
            o.MaxSendMessageSize = limits.MaxMessageBytes;
            o.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddDbContextCheck<PlanningDb>("database");
        return builder;
    }

    /// <summary>API keys (the "ApiKey" scheme), the role policies, the caller and the audit trail.</summary>
    private static void AddPlanningAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is { } http
            ? Caller.From(http)
            : throw new InvalidOperationException("no caller outside a request"));
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<ApiKeyStore>();
        builder.Services.AddScoped<ApiKeyLookup>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResults>();
        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var role in Enum.GetValues<Role>())
        {
            authorization.AddPolicy(Roles.Name(role), p => p.RequireRole(Roles.AtLeast(role)));
        }
        // Endpoints that name no policy (server reflection, unknown methods) still need a viewer key.
        authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(Roles.AtLeast(Role.Viewer)).Build());
    }

    /// <summary>Maps every gRPC service, with gRPC-Web on the same endpoints for the web map.</summary>
    public static WebApplication MapPlanningEndpoints(this WebApplication app)
    {
        // The web map (built from web/ into wwwroot by scripts/demo and scripts/test).
        // The page itself is public; every call it makes carries a key.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<AccessApi>();
        app.MapGrpcService<DatasetApi>();
        app.MapGrpcService<GeographyApi>();
        app.MapGrpcService<SchoolApi>();
        app.MapGrpcService<ResidentialAreaApi>();
        app.MapGrpcService<ScenarioApi>();
        app.MapGrpcService<SimulationApi>();
        app.MapGrpcService<AssessmentApi>();
        WebMap.WebMapSettings.Map(app);
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().RequireAuthorization(Roles.Viewer);
        return app;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanningDb>();
        await DatabaseInitializer.MigrateAsync(db);
        await RunResults.MarkInterruptedAsync(db);
    }
}

/// <summary>Server limits, configurable under "Limits".</summary>
public sealed record ServerLimits
{
    /// <summary>Largest gRPC message in either direction.</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;
    /// <summary>Largest import upload over all chunks.</summary>
    public long MaxImportBytes { get; init; } = 256L * 1024 * 1024;
    /// <summary>Most features in one import.</summary>
    public int MaxImportFeatures { get; init; } = 200_000;
    /// <summary>Simulations computed at once; more wait in line. The solver uses every core it is given.</summary>
    public int MaxConcurrentRuns { get; init; } = Math.Max(1, Environment.ProcessorCount / 4);
    /// <summary>Simulations that may wait in line; one more is refused.</summary>
    public int MaxQueuedRuns { get; init; } = 16;
    /// <summary>Largest run: residential areas × schools × terms (Baodi to 2025-autumn: 924 × 103 × 11 ≈ 1 M).</summary>
    public long MaxRunSize { get; init; } = 100_000_000;
    /// <summary>Longest a run may compute before the server stops it.</summary>
    public int MaxRunSeconds { get; init; } = 3600;

    /// <summary>These limits, or an error at start naming the first that cannot work.</summary>
    public ServerLimits Checked()
    {
        (bool Bad, string Message)[] rules =
        [
            (MaxMessageBytes < 1024, "Limits:MaxMessageBytes must be at least 1024"),
            (MaxImportBytes < 1, "Limits:MaxImportBytes must be at least 1"),
            (MaxImportFeatures < 1, "Limits:MaxImportFeatures must be at least 1"),
            (MaxConcurrentRuns < 1, "Limits:MaxConcurrentRuns must be at least 1 (with 0 no run would ever compute)"),
            (MaxQueuedRuns < 0, "Limits:MaxQueuedRuns must be 0 or more"),
            (MaxRunSize < 1, "Limits:MaxRunSize must be at least 1"),
            (MaxRunSeconds is < 1 or > 7 * 24 * 3600, "Limits:MaxRunSeconds must be from 1 to 604800 (a week)"),
        ];
        return rules.FirstOrDefault(r => r.Bad).Message is { } message ? throw new InvalidOperationException(message) : this;
    }
}
