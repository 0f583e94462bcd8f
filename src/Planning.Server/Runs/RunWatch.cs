using Grpc.Core;
using Orleans;
using Planning.Server.Data;
using Planning.V1;

namespace Planning.Server.Runs;

/// <summary>
/// Follows a run from any node: its journal's events after the watcher's last, then the new ones as the run's grain
/// gets them, with the run's place in line while it waits. Returns how the run ended.
/// </summary>
public sealed class RunWatch(PlanningDb db, IGrainFactory grains)
{
    private static readonly TimeSpan WhileWaiting = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WhileComputing = TimeSpan.FromSeconds(10);

    public async Task<RunEnd> FollowAsync(Guid runId, long after, IServerStreamWriter<RunSimulationResponse> stream, CancellationToken ct)
    {
        var grain = grains.GetGrain<IRunGrain>(runId);
        var id = runId.ToString();
        var shownPlace = -1;
        var waiting = false;
        while (true)
        {
            var page = await grain.Events(after, waiting ? WhileWaiting : WhileComputing).WaitAsync(ct);
            foreach (var e in page.Events)
            {
                if (e.End is { } end)
                {
                    return end;
                }
                var progress = new RunProgress { RunId = id, Sequence = e.Sequence, Term = e.Term, Percent = e.Percent, Message = e.Message };
                if (e.Kind is RunEventKind.Queued or RunEventKind.Requeued && e == page.Events[^1])
                {
                    // Only while it still waits: a run taken meanwhile has its next events in this page.
                    shownPlace = await RunLine.PositionAsync(db, runId, ct);
                    progress.QueuePosition = shownPlace;
                    progress.Message = e.Kind == RunEventKind.Queued ? Place(shownPlace) : $"{e.Message} ({Place(shownPlace)})";
                }
                await stream.WriteAsync(new RunSimulationResponse { Progress = progress }, ct);
                after = e.Sequence;
            }
            waiting = page.Waiting;
            if (waiting && page.Events.Count == 0 && await RunLine.PositionAsync(db, runId, ct) is var place && place != shownPlace && place > 0)
            {
                shownPlace = place;
                await stream.WriteAsync(new RunSimulationResponse
                {
                    Progress = new RunProgress { RunId = id, Sequence = after, QueuePosition = place, Message = Place(place) },
                }, ct);
            }
        }
    }

    private static string Place(int position) => position switch
    {
        0 => "queued",
        1 => "queued: next to run",
        _ => $"queued: {position - 1} run(s) ahead",
    };
}
