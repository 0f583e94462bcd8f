using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;
using Spectre.Console;

namespace Planning.Cli.Commands;

/// <summary>
/// planning what-if RUN --term T --move AREA=SCHOOL[:primary|junior] … [--save NAME | --save-to SCENARIO]:
/// the consequences of moving areas in one term of a run, nothing stored unless --save asks to keep the
/// moves as pins (a new scenario, the run's copied; or appended to one). Then `planning run --scenario`
/// re-optimises around them.
/// </summary>
internal static class WhatIfCommand
{
    public static Command Create(CommandActions actions)
    {
        var runId = new Argument<string>("run") { Description = "Run id" };
        var term = OptionFactory.Term("--term", "Term of the run", required: true);
        var moves = new Option<AreaMove[]>("--move")
        {
            Description = "An area to a school: AREA=SCHOOL, or AREA=SCHOOL:primary|junior for a nine-year school; repeat for more",
            HelpName = "AREA=SCHOOL[:LEVEL]",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result => [.. result.Tokens.Select(t => Move(t.Value, result.AddError)).OfType<AreaMove>()],
        };
        var save = new Option<string?>("--save") { Description = "Keep the moves as pins from the term on, in a new scenario of this name (the run's copied)", HelpName = "NAME" };
        var saveTo = new Option<string?>("--save-to") { Description = "Keep the moves as pins appended to this scenario", HelpName = "SCENARIO" };
        var command = new Command("what-if", "See what moving areas to other schools would do in one term of a run; nothing is stored unless --save")
        {
            runId, term, moves, save, saveTo,
        };
        actions.Bind(command, async run =>
        {
            if (run.Value(save) is not null && run.Value(saveTo) is not null)
            {
                throw new UsageException("give --save NAME or --save-to SCENARIO, not both");
            }
            var list = run.Value(moves)!;
            var result = await run.Client.WhatIfAsync(run.Value(runId), run.Value(term)!, list, run.Cancellation);
            Scenario? saved = null;
            if (run.Value(save) is { } name)
            {
                saved = await run.Client.SaveMovesAsPinsAsync(result.RunId, result.Term, list, name: name, ct: run.Cancellation);
            }
            else if (run.Value(saveTo) is { } target)
            {
                var scenario = await run.Client.GetScenarioAsync(target, run.Cancellation);
                saved = await run.Client.SaveMovesAsPinsAsync(result.RunId, result.Term, list, scenarioId: scenario.Id, version: scenario.Version, ct: run.Cancellation);
            }
            if (run.Json)
            {
                run.WriteJson(saved is null ? result : new { whatIf = result, savedScenario = saved });
                return ExitCodes.Ok;
            }
            PlannerTables.Show(run.Console, result);
            if (saved is not null)
            {
                run.Console.MarkupLineInterpolated($"[green]saved[/] as pins in scenario {saved.Id} ({saved.Name}); re-optimise: planning run --scenario {saved.Id}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static AreaMove? Move(string text, Action<string> error)
    {
        var (area, rest) = text.Split('=', 2) is [var a, var r] ? (a.Trim(), r.Trim()) : ("", "");
        var (school, level) = rest.Split(':', 2) is [var s, var l] ? (s.Trim(), l.Trim().ToLowerInvariant()) : (rest, "");
        if (area.Length == 0 || school.Length == 0)
        {
            error($"--move '{text}': write AREA=SCHOOL or AREA=SCHOOL:primary|junior");
            return null;
        }
        if (level.Length > 0 && !Names.Parts.ContainsKey(level))
        {
            error($"--move '{text}': the level is primary or junior, not '{level}'");
            return null;
        }
        return new AreaMove(area, school, level.Length == 0 ? null : Names.Parts[level]);
    }
}
