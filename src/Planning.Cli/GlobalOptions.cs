using System.CommandLine;

namespace Planning.Cli;

/// <summary>Options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Server { get; } = new("--server")
    {
        Description = "Server address, e.g. http://127.0.0.1:5081 (default: PLANNING_SERVER, else http://127.0.0.1:5081)",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write JSON instead of tables (for scripts)",
        Recursive = true,
    };

    public Option<double?> Timeout { get; } = new("--timeout")
    {
        Description = "Deadline of each call in seconds (default 120; streams run until done or Ctrl+C)",
        HelpName = "SECONDS",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Server);
        root.Options.Add(Json);
        root.Options.Add(Timeout);
        Timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is <= 0)
            {
                r.AddError("--timeout must be more than 0 seconds");
            }
        });
    }
}
