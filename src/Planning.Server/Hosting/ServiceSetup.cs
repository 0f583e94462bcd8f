using Microsoft.EntityFrameworkCore;
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
        var limits = builder.Configuration.GetSection("Limits").Get<ServerLimits>() ?? new ServerLimits();
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

    /// <summary>Maps every gRPC service, with gRPC-Web on the same endpoints for the web map.</summary>
    public static WebApplication MapPlanningEndpoints(this WebApplication app)
    {
        // The web map (built from web/ into wwwroot by scripts/demo and scripts/test).
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.MapGrpcService<DatasetApi>();
        app.MapGrpcService<GeographyApi>();
        app.MapGrpcService<SchoolApi>();
        app.MapGrpcService<ResidentialAreaApi>();
        app.MapGrpcService<ScenarioApi>();
        app.MapGrpcService<SimulationApi>();
        app.MapGrpcService<AssessmentApi>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
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
}
