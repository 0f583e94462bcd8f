using System.Runtime.CompilerServices;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>Shows a run's stream (RunSimulation or WatchRun): a progress bar on a terminal, progress lines otherwise, then the finished run.</summary>
internal static class RunFollower
{
    /// <summary>The run's id as far as the stream told it, and the finished run when the stream carried it.</summary>
    public sealed record Followed(string RunId, Run? Finished);

    /// <summary>Reads <paramref name="updates"/> to its end; Ctrl+C ends it with <see cref="OperationCanceledException"/>, the id seen so far in <paramref name="seen"/>.</summary>
    public static async Task<Followed> FollowAsync(Invocation run, IAsyncEnumerable<RunUpdate> updates, StrongBox<string> seen)
    {
        Run? finished = null;
        if (!run.Json && run.Console.Profile.Capabilities.Interactive)
        {
            await run.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("starting", maxValue: 100);
                    await foreach (var update in updates)
                    {
                        if (update.Progress is { } p)
                        {
                            seen.Value = p.RunId;
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
            await foreach (var update in updates)
            {
                if (update.Progress is { } p)
                {
                    seen.Value = p.RunId;
                    if (!run.Json && (p.Term, p.QueuePosition) != last)
                    {
                        run.Console.MarkupLineInterpolated($"[grey]{p.Percent,5:0}%  {p.Term}  {p.Message}[/]");
                        last = (p.Term, p.QueuePosition);
                    }
                }
                finished ??= update.Finished;
            }
        }
        return new Followed(finished?.Id ?? seen.Value ?? "", finished);
    }

    /// <summary>Prints the finished run (JSON or its table and the next step); the exit code says whether it succeeded.</summary>
    public static int Report(Invocation run, Run finished)
    {
        if (run.Json)
        {
            run.WriteJson(finished);
        }
        else
        {
            RunTables.Show(run.Console, finished);
            if (finished.Status == RunStatus.Succeeded)
            {
                run.Console.MarkupLineInterpolated($"[grey]next: planning results {finished.Id} --term {finished.Terms.LastOrDefault() ?? "2021-autumn"}[/]");
            }
        }
        return finished.Status == RunStatus.Succeeded ? ExitCodes.Ok : ExitCodes.ServerError;
    }
}
