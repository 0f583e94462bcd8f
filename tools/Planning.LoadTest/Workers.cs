using Grpc.Core;
using Planning.V1;

namespace Planning.LoadTest;

/// <summary>The loops: readers of results, catchments and base data; simulations running meanwhile.</summary>
public sealed class Workers(PlanningClients c, Targets targets, Recorder recorder, LoadOptions o)
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    private static CallOptions Options(CancellationToken ct) => new(deadline: DateTime.UtcNow + CallDeadline, cancellationToken: ct);

    /// <summary>One reader: random calls until the stop time or the call budget.</summary>
    public async Task ReadAsync(int index, DateTime stopAt, CancellationToken ct)
    {
        var random = new Random(o.Seed + index);
        while (DateTime.UtcNow < stopAt && Interlocked.Increment(ref _calls) <= o.MaxCalls)
        {
            var target = targets.Terms[random.Next(targets.Terms.Count)];
            switch (o.TermResultsOnly ? 0 : random.Next(4))
            {
                case 0:
                    await recorder.TimeAsync("GetTermResult", async () => await c.Simulation.GetTermResultAsync(
                        new GetTermResultRequest { RunId = target.RunId, Term = target.Term }, Options(ct)));
                    break;
                case 1:
                    var part = random.Next(2) == 0 ? SchoolPart.Primary : SchoolPart.Junior;
                    await recorder.TimeAsync("GetCatchments", async () => await c.Simulation.GetCatchmentsAsync(
                        new GetCatchmentsRequest { RunId = target.RunId, Term = target.Term, Part = part }, Options(ct)));
                    break;
                case 2:
                    await recorder.TimeAsync("ListSchools", async () => await c.Schools.ListSchoolsAsync(
                        new ListSchoolsRequest { Page = new PageRequest { PageSize = 1000 } }, Options(ct)));
                    break;
                default:
                    await recorder.TimeAsync("ListResidentialAreas", async () => await c.Areas.ListResidentialAreasAsync(
                        new ListResidentialAreasRequest { IncludeGeometry = true, Page = new PageRequest { PageSize = 200 } }, Options(ct)));
                    break;
            }
        }
    }

    /// <summary>GetTermResult taking and giving bytes: a flood has no need to decode what it asks for.</summary>
    private static readonly Method<byte[], byte[]> RawTermResult = new(MethodType.Unary, SimulationService.Descriptor.FullName,
        "GetTermResult", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

    /// <summary>
    /// One loop of the flooding key: GetTermResult without pause until the stop time; refusals counted apart.
    /// The answers are received whole but not decoded, as an attacker would not: on a shared machine the
    /// flood's own decoding would otherwise take CPU from the server whose fairness is measured.
    /// </summary>
    public async Task FloodAsync(PlanningClients flood, int index, DateTime stopAt, CancellationToken ct)
    {
        var random = new Random(o.Seed + 1000 + index);
        while (DateTime.UtcNow < stopAt)
        {
            var target = targets.Terms[random.Next(targets.Terms.Count)];
            var request = Google.Protobuf.MessageExtensions.ToByteArray(new GetTermResultRequest { RunId = target.RunId, Term = target.Term });
            await recorder.TimeAsync("flood: GetTermResult", async () => await flood.Invoker.AsyncUnaryCall(RawTermResult, null, Options(ct), request),
                refusedIsExpected: true);
        }
    }

    /// <summary>One simulation loop: runs the load-test scenario again and again; a run started before the stop time finishes.</summary>
    public async Task SimulateAsync(DateTime stopAt, CancellationToken ct)
    {
        while (DateTime.UtcNow < stopAt)
        {
            await recorder.TimeAsync("RunSimulation", async () =>
            {
                using var call = c.Simulation.RunSimulation(
                    new RunSimulationRequest { ScenarioId = targets.ScenarioId, Label = "load test" }, cancellationToken: ct);
                Run? finished = null;
                var waited = false;
                await foreach (var message in call.ResponseStream.ReadAllAsync(ct))
                {
                    waited |= message.Progress is { QueuePosition: > 0 };
                    finished ??= message.Finished;
                }
                if (waited)
                {
                    recorder.RunWaitedInLine();
                }
                if (finished is not { Status: RunStatus.Succeeded })
                {
                    recorder.Error("RunSimulation", finished?.Status.ToString() ?? "NoSummary",
                        finished?.Error ?? "the stream ended without a summary");
                }
            });
        }
    }
}
