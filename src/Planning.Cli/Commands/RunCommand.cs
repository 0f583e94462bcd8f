using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>planning run [--scenario ID] [--mode redistribute|keep-current] [--label TEXT]: a live progress bar, Ctrl+C cancels.</summary>
internal static class RunCommand
{
    public static Command Create(CommandActions actions)
    {
        var scenario = new Option<string?>("--scenario") { Description = "Scenario to run (default: the base data with default settings)", HelpName = "ID" };
        var mode = OptionFactory.Choice("--mode",
            "redistribute: optimise catchments every term (default); keep-current: every area keeps its school (the \"before\" picture)",
            Names.RunModes);
        var label = new Option<string?>("--label") { Description = "Label shown in lists, e.g. before", HelpName = "TEXT" };
        var command = new Command("run", "Run a redistribution simulation term by term; Ctrl+C stops it (the server stores it as cancelled)")
        {
            scenario, mode, label,
        };
        actions.Bind(command, run => RunAsync(run, run.Value(scenario) ?? "", run.Value(mode) ?? RunMode.Redistribute, run.Value(label) ?? ""));
        return command;
    }

    private static async Task<int> RunAsync(Invocation run, string scenarioId, RunMode mode, string label)
    {
        var runId = "";
        Run? finished = null;
        try
        {
            if (!run.Json && run.Console.Profile.Capabilities.Interactive)
            {
                await run.Console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask("starting", maxValue: 100);
                        await foreach (var update in run.Client.RunSimulationAsync(scenarioId, mode, label, run.Cancellation))
                        {
                            if (update.Progress is { } p)
                            {
                                runId = p.RunId;
                                task.Value = p.Percent;
                                task.Description = Markup.Escape($"{p.Term}  {p.Message}");
                            }
                            finished ??= update.Finished;
                        }
                        task.Value = 100;
                    });
            }
            else
            {
                var last = ("", 0);
                await foreach (var update in run.Client.RunSimulationAsync(scenarioId, mode, label, run.Cancellation))
                {
                    if (update.Progress is { } p)
                    {
                        runId = p.RunId;
                        if (!run.Json && (p.Term, p.QueuePosition) != last)
                        {
                            run.Console.MarkupLineInterpolated($"[grey]{p.Percent,5:0}%  {p.Term}  {p.Message}[/]");
                            last = (p.Term, p.QueuePosition);
                        }
                    }
                    finished ??= update.Finished;
                }
            }
        }
        catch (OperationCanceledException)
        {
            run.Console.MarkupLineInterpolated(
                $"[yellow]cancelled[/]: run {(runId.Length > 0 ? runId : "(not started)")} stopped; the server keeps it as cancelled, with no results");
            return ExitCodes.Cancelled;
        }

        if (finished is null)
        {
            throw new PlanningException(Grpc.Core.StatusCode.Internal,
                $"the run {runId} ended without a result; see planning runs show {runId}", []);
        }
        if (run.Json)
        {
            run.WriteJson(finished);
        }
        else
        {
            RunTables.Show(run.Console, finished);
            run.Console.MarkupLineInterpolated($"[grey]next: planning results {finished.Id} --term {finished.Terms.LastOrDefault() ?? "2021-autumn"}[/]");
        }
        return finished.Status == RunStatus.Succeeded ? ExitCodes.Ok : ExitCodes.ServerError;
    }
}
