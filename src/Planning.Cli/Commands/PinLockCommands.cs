using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;

namespace Planning.Cli.Commands;

/// <summary>
/// planning scenarios pin|lock|unpin|unlock|remove-change|move-change: the planner's hard constraints and the
/// order of a scenario's changes. Indices are those `scenarios show` prints and runs name (changes[i]).
/// </summary>
internal static class PinLockCommands
{
    public static IEnumerable<Command> Create(CommandActions actions) =>
        [Pin(actions), Lock(actions), Unpin(actions), Unlock(actions), RemoveChange(actions), MoveChange(actions)];

    private static Argument<string> ScenarioArgument() => new("scenario") { Description = "Scenario id" };

    private static Option<SchoolPart?> Level() =>
        OptionFactory.Choice("--level", "Primary (grades 1–6) or junior (7–9); default the school's only level (required for a nine-year school)", Names.Parts);

    private static Command Pin(CommandActions actions)
    {
        var scenario = ScenarioArgument();
        var area = new Argument<string>("area") { Description = "Area code" };
        var school = new Argument<string>("school") { Description = "School code" };
        var level = Level();
        var from = OptionFactory.Term("--from", "First term the pin holds", required: true);
        var command = new Command("pin", "Pin an area to a school for a level from a term on: every run keeps it there (a hard constraint)")
        {
            scenario, area, school, level, from,
        };
        actions.Bind(command, run => ChangeAsync(run, run.Value(scenario), s =>
            s.Client.AddScenarioChangesAsync(s.Id, [new PinArea(run.Value(area), run.Value(school), run.Value(level), run.Value(from)!)], s.Version, run.Cancellation)));
        return command;
    }

    private static Command Lock(CommandActions actions)
    {
        var scenario = ScenarioArgument();
        var school = new Argument<string>("school") { Description = "School code" };
        var level = Level();
        var from = OptionFactory.Term("--from", "First term the lock holds; its areas are the catchment's then", required: true);
        var command = new Command("lock", "Lock a school's catchment for a level from a term on: its areas stay and no other area joins")
        {
            scenario, school, level, from,
        };
        actions.Bind(command, run => ChangeAsync(run, run.Value(scenario), s =>
            s.Client.AddScenarioChangesAsync(s.Id, [new LockSchool(run.Value(school), run.Value(level), run.Value(from)!)], s.Version, run.Cancellation)));
        return command;
    }

    private static Command Unpin(CommandActions actions)
    {
        var scenario = ScenarioArgument();
        var area = new Argument<string>("area") { Description = "Area code" };
        var level = OptionFactory.Choice("--level", "Only its pins of this level (default: every pin of the area)", Names.Parts);
        var command = new Command("unpin", "Remove an area's pins from a scenario") { scenario, area, level };
        actions.Bind(command, run => RemoveWhereAsync(run, run.Value(scenario), $"pin of area {run.Value(area)}",
            c => c is PinArea p && p.AreaCode == run.Value(area) && (run.Value(level) is not { } l || p.Part is null || p.Part == l)));
        return command;
    }

    private static Command Unlock(CommandActions actions)
    {
        var scenario = ScenarioArgument();
        var school = new Argument<string>("school") { Description = "School code" };
        var level = OptionFactory.Choice("--level", "Only its lock of this level (default: every lock of the school)", Names.Parts);
        var command = new Command("unlock", "Remove a school's locks from a scenario") { scenario, school, level };
        actions.Bind(command, run => RemoveWhereAsync(run, run.Value(scenario), $"lock of school {run.Value(school)}",
            c => c is LockSchool x && x.SchoolCode == run.Value(school) && (run.Value(level) is not { } l || x.Part is null || x.Part == l)));
        return command;
    }

    private static Command RemoveChange(CommandActions actions)
    {
        var scenario = ScenarioArgument();
        var indices = new Argument<int[]>("index") { Description = "Indices of the changes, as `scenarios show` numbers them", Arity = ArgumentArity.OneOrMore };
        var command = new Command("remove-change", "Remove changes from a scenario (all or none)") { scenario, indices };
        actions.Bind(command, run => ChangeAsync(run, run.Value(scenario), s =>
            s.Client.RemoveScenarioChangesAsync(s.Id, run.Value(indices), s.Version, run.Cancellation)));
        return command;
    }

    private static Command MoveChange(CommandActions actions)
    {
        var scenario = ScenarioArgument();
        var from = new Argument<int>("from") { Description = "The change's index now" };
        var to = new Argument<int>("to") { Description = "Its index afterwards" };
        var command = new Command("move-change", "Move a change to another position (changes apply in order)") { scenario, from, to };
        actions.Bind(command, run => ChangeAsync(run, run.Value(scenario), s =>
            s.Client.MoveScenarioChangeAsync(s.Id, run.Value(from), run.Value(to), s.Version, run.Cancellation)));
        return command;
    }

    private sealed record Current(PlanningClient Client, string Id, ulong Version, IReadOnlyList<ScenarioChange> Changes);

    /// <summary>Reads the scenario (its version is the concurrency token), makes the change and shows the result.</summary>
    private static async Task<int> ChangeAsync(Invocation run, string scenarioId, Func<Current, Task<Scenario>> change)
    {
        var scenario = await run.Client.GetScenarioAsync(scenarioId, run.Cancellation);
        var updated = await change(new Current(run.Client, scenario.Id, scenario.Version, scenario.Changes));
        await ScenarioCommands.WriteAsync(run, updated);
        return ExitCodes.Ok;
    }

    private static Task<int> RemoveWhereAsync(Invocation run, string scenarioId, string what, Func<ScenarioChange, bool> match) =>
        ChangeAsync(run, scenarioId, s =>
        {
            var indices = s.Changes.Select((c, i) => (c, i)).Where(x => match(x.c)).Select(x => x.i).ToList();
            return indices.Count == 0
                ? throw new UsageException($"scenario {s.Id} has no {what}")
                : s.Client.RemoveScenarioChangesAsync(s.Id, indices, s.Version, run.Cancellation);
        });
}
