using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning health — grpc.health.v1 Health/Check.</summary>
internal static class HealthCommand
{
    public static Command Create(CommandActions actions)
    {
        var service = new Option<string?>("--service") { Description = "Check one service (default: the whole server)", HelpName = "NAME" };
        var command = new Command("health", "Ask the server whether it is serving (exit 0 when it is, 5 otherwise)") { service };
        actions.Bind(command, async run =>
        {
            var status = await run.Client.CheckHealthAsync(run.Value(service) ?? "", run.Cancellation);
            if (run.Json)
            {
                run.WriteJson(new { server = run.ServerDescription, status = Names.Of(status) });
            }
            else
            {
                var colour = status == HealthStatus.Serving ? "green" : "red";
                run.Console.MarkupLineInterpolated($"[{colour}]{Names.Of(status)}[/] ({run.ServerDescription})");
            }
            return status == HealthStatus.Serving ? ExitCodes.Ok : ExitCodes.ServerError;
        });
        return command;
    }
}
