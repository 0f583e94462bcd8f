using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planning.Server.Access;
using Planning.Server.Common;
using Planning.Server.Runs;
using Planning.Server.Scenarios;
using Planning.V1;

namespace Planning.Server.Planner;

public sealed partial class PlannerApi
{
    /// <summary>Most values one sweep may run.</summary>
    public const int MaxSweepValues = 12;

    [Authorize(Policy = Roles.Planner)]
    public override async Task SweepScenario(
        SweepScenarioRequest request, IServerStreamWriter<SweepScenarioResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        CheckSweep(request);
        var settings = request.ScenarioId.Length > 0
            ? ScenarioStore.ToProto(await scenarios.FindAsync(request.ScenarioId, tracking: false, ct)).Settings
            : new ScenarioSettings();
        var label = request.Label.Length > 0 ? request.Label : "sweep";
        var table = new SweepTable { Setting = request.Setting };
        for (var i = 0; i < request.Values.Count; i++)
        {
            var value = request.Values[i];
            var run = new RunSimulationRequest
            {
                ScenarioId = request.ScenarioId,
                Mode = RunMode.Redistribute,
                Label = string.Create(CultureInfo.InvariantCulture, $"{label} {SettingName(request.Setting)}={value}"),
                Settings = With(settings, request.Setting, value),
            };
            // An ordinary run, through RunSimulation itself: the queue, the limits, the snapshot, the results.
            var writer = new SweepWriter(responseStream, i, request.Values.Count, value);
            await ActivatorUtilities.CreateInstance<SimulationApi>(services).RunSimulation(run, writer, context);
            table.Rows.Add(Row(value, writer.Finished ?? throw new InvalidOperationException("the run ended without its summary")));
        }

        await responseStream.WriteAsync(new SweepScenarioResponse { Table = table }, ct);
    }

    private static void CheckSweep(SweepScenarioRequest request)
    {
        var problems = new Problems();
        if (request.Setting is not (SweepSetting.MoveCost or SweepSetting.OpeningFillShare))
        {
            problems.Add("setting", $"unknown setting {(int)request.Setting}: MOVE_COST or OPENING_FILL_SHARE");
        }
        if (request.Values.Count == 0 || request.Values.Count > MaxSweepValues)
        {
            problems.Add("values", $"from 1 to {MaxSweepValues} values are needed, not {request.Values.Count}");
        }
        var seen = new HashSet<double>();
        for (var i = 0; i < request.Values.Count; i++)
        {
            var v = request.Values[i];
            var (ok, range) = request.Setting == SweepSetting.OpeningFillShare
                ? (v is >= 0 and <= 1, "from 0 to 1")
                : (v is > 0 and <= 1_000_000, "above 0 and at most 1,000,000 metres");
            if (!double.IsFinite(v) || !ok)
            {
                problems.Add($"values[{i}]", $"must be {range}, not {v.ToString(CultureInfo.InvariantCulture)}");
            }
            else if (!seen.Add(v))
            {
                problems.Add($"values[{i}]", "is given twice");
            }
        }
        if (request.Label.Length > 60 || request.Label.Any(char.IsControl))
        {
            problems.Add("label", "must be at most 60 characters, without control characters");
        }
        problems.ThrowIfAny();
    }

    private static string SettingName(SweepSetting setting) => setting == SweepSetting.MoveCost ? "move_cost_m" : "opening_fill_share";

    private static ScenarioSettings With(ScenarioSettings settings, SweepSetting setting, double value)
    {
        var copy = settings.Clone();
        if (setting == SweepSetting.MoveCost)
        {
            copy.MoveCostM = value;
        }
        else
        {
            copy.OpeningFillShare = value;
        }
        return copy;
    }

    /// <summary>One row of the table from a finished run's per-term figures.</summary>
    private static SweepRow Row(double value, Run run)
    {
        var students = run.Summaries.Sum(t => (double)t.Students);
        var row = new SweepRow
        {
            Value = value,
            RunId = run.Id,
            PupilsMoved = run.Summaries.Sum(t => t.StudentsMoved),
            MeanDistanceM = students == 0 ? 0 : run.Summaries.Sum(t => t.Students * t.MeanDistanceM) / students,
            Violations = run.Summaries.Sum(t => t.SchoolsOverSize + t.GradesOverClassLimit),
            SeatsShort = run.Summaries.Sum(t => t.SeatsShort),
            Enclaves = run.Summaries.Sum(t => t.Enclaves),
        };
        row.Terms.AddRange(run.Summaries);
        return row;
    }

    /// <summary>Passes a run's progress on as the sweep's and keeps its summary.</summary>
    private sealed class SweepWriter(IServerStreamWriter<SweepScenarioResponse> sweep, int index, int count, double value)
        : IServerStreamWriter<RunSimulationResponse>
    {
        public Run? Finished { get; private set; }

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(RunSimulationResponse message) => WriteAsync(message, CancellationToken.None);

        public Task WriteAsync(RunSimulationResponse message, CancellationToken cancellationToken)
        {
            if (message.EventCase == RunSimulationResponse.EventOneofCase.Finished)
            {
                Finished = message.Finished;
                return Task.CompletedTask;
            }
            return sweep.WriteAsync(new SweepScenarioResponse
            {
                Progress = new SweepProgress { Index = index, Count = count, Value = value, Run = message.Progress },
            }, cancellationToken);
        }
    }
}
