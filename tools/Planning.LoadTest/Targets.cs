using Planning.V1;

namespace Planning.LoadTest;

/// <summary>One term of a finished run: what the readers ask for.</summary>
public sealed record RunTerm(string RunId, string Term);

/// <summary>What the load test reads and runs, found on the server before the clock starts.</summary>
public sealed record Targets(IReadOnlyList<RunTerm> Terms, string ScenarioId)
{
    public const string ScenarioName = "load test (scripts/loadtest)";

    /// <summary>
    /// The terms of every succeeded run, and a fresh scenario when simulations or a burst need one (earlier
    /// load-test scenarios are deleted with their runs first, except one whose runs still go: another load
    /// test's); no scenario when there is nothing to read (a burst of runs needs only the scenario).
    /// </summary>
    public static async Task<Targets> FindAsync(PlanningClients c, LoadOptions o, CancellationToken ct)
    {
        var runs = await c.Simulation.ListRunsAsync(new ListRunsRequest { Page = new PageRequest { PageSize = 1000 } }, cancellationToken: ct);
        var scenarios = await c.Scenarios.ListScenariosAsync(
            new ListScenariosRequest { Page = new PageRequest { PageSize = 1000 } }, cancellationToken: ct);
        var ours = scenarios.Scenarios.Where(s => s.Name == ScenarioName).Select(s => s.Id).ToHashSet();
        var terms = runs.Runs
            .Where(r => r.Status == RunStatus.Succeeded && !ours.Contains(r.ScenarioId))
            .SelectMany(r => r.Terms.Select(t => new RunTerm(r.Id, t)))
            .ToList();
        if (o.Burst == 0 && (terms.Count == 0 || o.Simulations == 0))
        {
            // Readers alone (a flood, a held-open test, a second load test beside a first) leave others' scenarios be.
            return new Targets(terms, "");
        }
        foreach (var id in ours)
        {
            try
            {
                await c.Scenarios.DeleteScenarioAsync(new DeleteScenarioRequest { Id = id }, cancellationToken: ct);
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.FailedPrecondition or Grpc.Core.StatusCode.NotFound)
            {
                // Another load test's, with runs going, or deleted by it meanwhile.
            }
        }
        var scenario = await c.Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = ScenarioName,
            Description = "Created and deleted again by tools/Planning.LoadTest; its runs go with it.",
            Settings = new ScenarioSettings { StartTerm = "2020-autumn", HorizonTerm = o.Horizon, Policy = Policy.Reassign, TimeLimitSeconds = 5 },
        }, cancellationToken: ct);
        return new Targets(terms, scenario.Id);
    }
}
