using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Runs;
using Planning.Server.Scenarios;
using Planning.V1;

namespace Planning.Server.Planner;

/// <summary>What-if moves on a run, moves saved as pins, and sweeps (planner.proto).</summary>
[Authorize(Policy = Roles.Viewer)]
public sealed partial class PlannerApi(PlanningDb db, RunResults runs, ScenarioStore scenarios, WhatIfTerms terms, IServiceProvider services)
    : PlannerService.PlannerServiceBase
{
    public override async Task<WhatIfResponse> WhatIf(WhatIfRequest request, ServerCallContext context)
    {
        var (loaded, moves) = await LoadAsync(request.RunId, request.Term, request.Moves, context.CancellationToken);
        return WhatIfMapping.ToProto(request.RunId, loaded.Term.Evaluate(moves), loaded.SchoolNames);
    }

    [Authorize(Policy = Roles.Planner)]
    public override async Task<Scenario> SaveMovesAsPins(SaveMovesAsPinsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var appending = request.ScenarioId.Length > 0;
        var problems = new Problems();
        if (appending && (request.Name.Length > 0 || request.Description.Length > 0))
        {
            problems.Add("name", "leave name and description empty when appending to scenario_id");
        }
        if (request.Moves.Count == 0)
        {
            problems.Add("moves", "at least one move is needed");
        }
        problems.ThrowIfAny();
        var (loaded, moves) = await LoadAsync(request.RunId, request.Term, request.Moves, ct);
        var problemsOfMoves = loaded.Term.Check(moves);
        if (problemsOfMoves.Count > 0)
        {
            throw new ValidationFailedException([.. problemsOfMoves.Select(p => new FieldProblem(p.Field, p.Description))]);
        }

        var pins = request.Moves.Select(m => new ScenarioChange
        {
            PinArea = new PinArea { AreaCode = m.AreaCode, SchoolCode = m.SchoolCode, Part = m.Part, FromTerm = request.Term },
        }).ToList();
        var api = ActivatorUtilities.CreateInstance<ScenarioApi>(services);
        if (appending)
        {
            var existing = ScenarioStore.ChangesOf(await scenarios.FindAsync(request.ScenarioId, tracking: false, ct)).Count();
            var append = new AddScenarioChangesRequest { ScenarioId = request.ScenarioId, Version = request.Version };
            append.Changes.AddRange(pins);
            return await AsMovesAsync(() => api.AddScenarioChanges(append, context), existing);
        }

        // A new scenario: the run's own scenario as it is now (base data for a run of the base data), plus the pins.
        var create = new CreateScenarioRequest { Name = request.Name, Description = request.Description };
        if (loaded.ScenarioId is { } id)
        {
            var source = ScenarioStore.ToProto(await scenarios.FindAsync(id.ToString(), tracking: false, ct));
            create.Settings = source.Settings;
            create.Changes.AddRange(source.Changes);
        }
        var copied = create.Changes.Count;
        create.Changes.AddRange(pins);
        return await AsMovesAsync(() => api.CreateScenario(create, context), copied);
    }

    private async Task<(LoadedTerm Term, List<Engine.WhatIf.WhatIfMove> Moves)> LoadAsync(
        string runId, string term, IReadOnlyList<AreaMove> requested, CancellationToken ct)
    {
        var problems = new Problems();
        var moves = WhatIfMapping.Moves(requested, problems);
        problems.ThrowIfAny();
        return (await terms.GetAsync(db, runs, runId, term, ct), moves);
    }

    /// <summary>Problems with the pins (changes[first + i]) are named by the move that made them (moves[i]).</summary>
    private static async Task<Scenario> AsMovesAsync(Func<Task<Scenario>> save, int first)
    {
        try
        {
            return await save();
        }
        catch (ValidationFailedException e)
        {
            throw new ValidationFailedException([.. e.Problems.Select(p => p with { Field = MoveField(p.Field, first) })]);
        }
    }

    private static string MoveField(string field, int first)
    {
        var match = ChangeIndex().Match(field);
        var index = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
        if (index < first)
        {
            return field;
        }

        // A pin's term is the request's term.
        var rest = field[match.Length..];
        return rest == ".from_term" ? "term" : $"moves[{index - first}]{rest}";
    }

    [GeneratedRegex(@"^changes\[(\d+)\](\.pin_area)?")]
    private static partial Regex ChangeIndex();
}
