using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Planning.Engine.Inputs;
using Planning.Server.Access;
using Planning.Server.Areas;
using Planning.Server.Assessment;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Dataset;
using Planning.Server.Geography;
using Planning.Server.Planner;
using Planning.Server.Reports;
using Planning.Server.Rules;
using Planning.Server.Runs;
using Planning.Server.Scenarios;
using Planning.Server.Schools;

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
        var standard = (builder.Configuration.GetSection("Standard").Get<StandardSettings>() ?? new StandardSettings()).ToStandard();
        builder.Services.AddSingleton(standard);
        builder.Services.AddSingleton(SimulationParameters.Default with
        {
            Standard = standard,
            Solver = SimulationParameters.Default.Solver with { MipNodes = limits.MipNodes },
        });

        builder.Services.AddDbContext<PlanningDb>(options => options
            .UseNpgsql(connectionString, o => o.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention());

        builder.Services.AddScoped<DatasetImporter>();
        builder.Services.AddScoped<LayerExporter>();
        builder.Services.AddScoped<ExportFiles>();
        builder.Services.AddSingleton<ExportGate>();
        builder.Services.AddScoped<EngineInputs>();
        builder.Services.AddScoped<ScenarioStore>();
        builder.Services.AddScoped<RunResults>();
        builder.Services.AddScoped<RunQueries>();
        builder.Services.AddSingleton<TermResultCache>();
        builder.Services.AddScoped<ICatchmentLayer>(sp => sp.GetRequiredService<RunQueries>());
        builder.Services.AddScoped<AssessmentQueries>();
        builder.Services.AddScoped<AdditionsPlanner>();
        builder.Services.AddScoped<RunStarter>();
        builder.Services.AddScoped<RunWatch>();
        builder.Services.AddScoped<RunControl>();
        builder.Services.AddScoped<ReportLoader>();
        builder.Services.AddSingleton<ReportGate>();
        builder.Services.AddSingleton<WhatIfTerms>();
        builder.AddPlanningCluster(connectionString);
        builder.AddPlanningAccess();
        builder.Services.AddCallerLimits(limits);

        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ErrorInterceptor>();
            o.MaxReceiveMessageSize = limits.MaxMessageBytes;
            o.MaxSendMessageSize = limits.MaxMessageBytes;
            o.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddDbContextCheck<PlanningDb>("database");
        CheckedServiceMethods.Use(builder.Services); // after every AddGrpc…, which would add grpc-dotnet's binder back
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
        builder.Services.AddSingleton<AuthenticationThrottle>();
        builder.Services.AddSingleton<RefusalTally>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RefusalTally>());
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
        app.UseRateLimiter(); // before authentication: a flood of calls costs no key lookups
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<AccessApi>();
        app.MapGrpcService<DatasetApi>();
        app.MapGrpcService<GeographyApi>();
        app.MapGrpcService<SchoolApi>();
        app.MapGrpcService<ResidentialAreaApi>();
        app.MapGrpcService<ScenarioApi>();
        app.MapGrpcService<SimulationApi>();
        app.MapGrpcService<PlannerApi>();
        app.MapGrpcService<AssessmentApi>();
        app.MapGrpcService<RulesApi>();
        app.MapGrpcService<ReportApi>();
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
        await ScenarioUpgrade.RunAsync(db, app.Logger);
        await AreaAdjacency.FillIfMissingAsync(db);
        await RunSnapshotUpgrade.RunAsync(db, scope.ServiceProvider.GetRequiredService<EngineInputs>(), app.Logger);
        // Runs left computing by a node that stopped are not marked here: the line gives them to a node of the
        // cluster once Orleans' membership has declared the stopped node dead (Runs/RunLineGrain.cs).
    }
}
