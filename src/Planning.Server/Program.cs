using Planning.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlanningServices();

var app = builder.Build();
app.MapPlanningEndpoints();
await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point, public so that tests can host the server in-process.</summary>
public partial class Program;
