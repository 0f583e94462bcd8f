using System.CommandLine;
using System.Runtime.CompilerServices;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning run [--scenario ID] [--mode redistribute|keep-current] [--label TEXT] [--detach]: a live progress bar, Ctrl+C cancels.</summary>
internal static class RunCommand
{
    public static Command Create(CommandActions actions)
    {
        var scenario = new Option<string?>("--scenario") { Description = "Scenario to run (default: the base data with default settings)", HelpName = "ID" };
        var mode = OptionFactory.Choice("--mode",
            "redistribute: optimise catchments every term (default); keep-current: every area keeps its school (the \"before\" picture)",
            Names.RunModes);
        var label = new Option<string?>("--label") { Description = "Label shown in lists, e.g. before", HelpName = "TEXT" };
        var detach = new Option<bool>("--detach")
        {
            Description = "Start the run and print its id at once; it is computed on the server without this command (follow it with planning runs watch)",
        };
        var command = new Command("run", "Run a redistribution simulation term by term; Ctrl+C stops it (the server stores it as cancelled)")
        {
            scenario, mode, label, detach,
        };
        actions.Bind(command, run =>
        {
            var (scenarioId, runMode, text) = (run.Value(scenario) ?? "", run.Value(mode) ?? RunMode.Redistribute, run.Value(label) ?? "");
            return run.Value(detach) ? StartAsync(run, scenarioId, runMode, text) : RunAsync(run, scenarioId, runMode, text);
        });
        return command;
    }

    private static async Task<int> StartAsync(Invocation run, string scenarioId, RunMode mode, string label)
    {
        var started = await run.Client.StartRunAsync(scenarioId, mode, label, run.Cancellation);
        if (run.Json)
        {
            run.WriteJson(started);
        }
        else
        {
            run.Console.MarkupLineInterpolated($"[green]started[/] run {started.Id} ({Names.Of(started.Status)})");
            run.Console.MarkupLineInterpolated($"[grey]next: planning runs watch {started.Id}[/]");
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> RunAsync(Invocation run, string scenarioId, RunMode mode, string label)
    {
        var seen = new StrongBox<string>("");
        RunFollower.Followed followed;
        try
        {
            followed = await RunFollower.FollowAsync(run, run.Client.RunSimulationAsync(scenarioId, mode, label, run.Cancellation), seen);
        }
        catch (OperationCanceledException)
        {
            run.Console.MarkupLineInterpolated(
                $"[yellow]cancelled[/]: run {(string.IsNullOrEmpty(seen.Value) ? "(not started)" : seen.Value)} stopped; the server keeps it as cancelled, with no results");
            return ExitCodes.Cancelled;
        }

        return followed.Finished is { } finished
            ? RunFollower.Report(run, finished)
            : throw new PlanningException(Grpc.Core.StatusCode.Internal,
                $"the run {followed.RunId} ended without a result; see planning runs show {followed.RunId}", []);
    }
}
