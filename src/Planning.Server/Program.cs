using Planning.Server.Access;
using Planning.Server.Hosting;

// `Planning.Server keys …` manages API keys in the database and exits; otherwise the server runs.
var keyCommand = KeyCommand.Matches(args);
var builder = WebApplication.CreateBuilder(keyCommand
    ? new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory }
    : new WebApplicationOptions { Args = args });
if (keyCommand)
{
    builder.Logging.ClearProviders();
}
builder.AddPlanningServices();

var app = builder.Build();
if (keyCommand)
{
    return await KeyCommand.RunAsync(app, args);
}
app.MapPlanningEndpoints();
await app.InitializeDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so that tests can host the server in-process.</summary>
public partial class Program;
