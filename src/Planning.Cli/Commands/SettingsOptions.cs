using System.CommandLine;
using Planning.Client.Api;
using Planning.Cli.Output;

namespace Planning.Cli.Commands;

/// <summary>The simulation settings of a scenario as options (norms, policy, horizon, solver).</summary>
internal sealed class SettingsOptions
{
    private readonly Option<string?> _start = OptionFactory.Term("--start", "First simulated term (default: the server's, see `planning rules`)");
    private readonly Option<string?> _horizon = OptionFactory.Term("--horizon", "Last simulated term (default: the server's, see `planning rules`)");
    private readonly Option<Policy?> _policy = OptionFactory.Choice("--policy",
        "intake-only: enrolled pupils stay (default); reassign: any pupil may move", Names.Policies);
    private readonly Option<double?> _primaryPer1000 = Positive("--primary-per-1000", "Primary students per 1,000 residents, 千人指标 (default 70)");
    private readonly Option<double?> _juniorPer1000 = Positive("--junior-per-1000", "Junior students per 1,000 residents (default 35)");
    private readonly Option<double?> _moveCost = Positive("--move-cost", "Metres of travel one moved pupil is worth (default: the server's, see `planning rules`)");
    private readonly Option<bool?> _allowSplit = new("--allow-split")
    {
        Description = "Allow splitting a residential area between schools (default false)",
        HelpName = "true|false",
    };
    private readonly Option<int?> _candidates = new("--candidates") { Description = "Candidate schools per area, nearest first (default 8)", HelpName = "N" };
    private readonly Option<double?> _timeLimit = Positive("--time-limit", "Solver work limit per term in deterministic seconds (default: the server's, see `planning rules`)");
    private readonly Option<bool?> _contiguous = new("--contiguous")
    {
        Description = "Make catchments contiguous where the data allows; each enclave left is named with why (default false)",
        HelpName = "true|false",
    };
    private readonly Option<double?> _fillShare = Share("--fill-share", "Least share (0–1) of its seats a new or expanded school fills when it opens (default none)");

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The settings with every option given on the command line applied.</summary>
    public ScenarioSettings Apply(Invocation run, ScenarioSettings settings) => settings with
    {
        StartTerm = run.Value(_start) ?? settings.StartTerm,
        HorizonTerm = run.Value(_horizon) ?? settings.HorizonTerm,
        Policy = run.Value(_policy) ?? settings.Policy,
        PrimaryStudentsPer1000 = run.Value(_primaryPer1000) ?? settings.PrimaryStudentsPer1000,
        JuniorStudentsPer1000 = run.Value(_juniorPer1000) ?? settings.JuniorStudentsPer1000,
        MoveCostM = run.Value(_moveCost) ?? settings.MoveCostM,
        AllowSplit = run.Value(_allowSplit) ?? settings.AllowSplit,
        CandidateSchools = run.Value(_candidates) ?? settings.CandidateSchools,
        TimeLimitSeconds = run.Value(_timeLimit) ?? settings.TimeLimitSeconds,
        ContiguousCatchments = run.Value(_contiguous) ?? settings.ContiguousCatchments,
        OpeningFillShare = run.Value(_fillShare) ?? settings.OpeningFillShare,
    };

    /// <summary>True when at least one setting was given.</summary>
    public bool AnyGiven(Invocation run) =>
        All
            .Any(o => run.Parse.GetResult(o) is { Implicit: false });

    private Option[] All => [_start, _horizon, _policy, _primaryPer1000, _juniorPer1000, _moveCost, _allowSplit, _candidates, _timeLimit, _contiguous, _fillShare];

    private static Option<double?> Share(string name, string description)
    {
        var option = new Option<double?>(name) { Description = description, HelpName = "0..1" };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } v && !(v is >= 0 and <= 1))
            {
                r.AddError($"{name} must be from 0 to 1");
            }
        });
        return option;
    }

    private static Option<double?> Positive(string name, string description)
    {
        var option = new Option<double?>(name) { Description = description, HelpName = "N" };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is <= 0)
            {
                r.AddError($"{name} must be more than 0");
            }
        });
        return option;
    }
}
