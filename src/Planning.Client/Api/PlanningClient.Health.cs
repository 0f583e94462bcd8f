using Grpc.Health.V1;

namespace Planning.Client.Api;

public sealed partial class PlanningClient
{
    /// <summary>The server's health (grpc.health.v1 Health/Check); <paramref name="service"/> empty means the whole server.</summary>
    public Task<HealthStatus> CheckHealthAsync(string service = "", CancellationToken ct = default) =>
        UnaryAsync(o => new Health.HealthClient(_channel).CheckAsync(new HealthCheckRequest { Service = service }, o),
            r => (HealthStatus)r.Status, ct);
}
