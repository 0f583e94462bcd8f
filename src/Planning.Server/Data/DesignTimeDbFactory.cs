using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Planning.Server.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running server or database.</summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<PlanningDb>
{
    public PlanningDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PlanningDb>()
        .UseNpgsql("Host=127.0.0.1;Database=design_time", o => o.UseNetTopologySuite())
        .UseSnakeCaseNamingConvention()
        .Options);
}
