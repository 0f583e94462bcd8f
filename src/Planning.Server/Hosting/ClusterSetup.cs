using System.Net;
using Orleans.Configuration;
using Orleans.Hosting;
using Planning.Server.Runs;

namespace Planning.Server.Hosting;

/// <summary>
/// Makes this server process an Orleans silo: membership, grain state and reminders in the project's own PostgreSQL
/// (tables made by the migration "Cluster"), and the run worker that computes this node's share of the runs.
/// </summary>
public static class ClusterSetup
{
    private const string Invariant = "Npgsql";

    public static void AddPlanningCluster(this IHostApplicationBuilder builder, string connectionString)
    {
        var settings = (builder.Configuration.GetSection("Cluster").Get<ClusterSettings>() ?? new ClusterSettings()).Checked();
        builder.Services.AddSingleton(settings);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = "planning";
            });
            // No gateway: the gRPC handlers call grains from inside the silo, and no outside Orleans client exists.
            silo.ConfigureEndpoints(IPAddress.Parse(settings.Address), settings.SiloPort, gatewayPort: 0, listenOnAnyHostAddress: false);
            silo.Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = TimeSpan.FromSeconds(settings.ProbeSeconds));
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(RunGrain.Storage, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
        });
        builder.Services.AddSingleton<RunWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RunWorker>());
    }
}
