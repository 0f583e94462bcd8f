using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Scenarios;
using Planning.Engine.Terms;
using Planning.Server.Areas;
using Planning.Server.Common;
using Planning.Server.Dataset;
using Planning.Server.Schools;
using V1 = Planning.V1;

namespace Planning.Server.Scenarios;

/// <summary>Schools and areas a scenario adds, with their request paths, for the same checks as an import.</summary>
public sealed class NewFeatures
{
    public List<(string Path, Dataset.SchoolFeature School)> Schools { get; } = [];
    public List<(string Path, Dataset.ResidentialAreaFeature Area)> Areas { get; } = [];
}

/// <summary>From scenario messages to the engine's parameters and changes, checking every field.</summary>
public static class ScenarioMapping
{
    public const int MaxHorizonYears = 20;

    public static SimulationParameters Parameters(V1.ScenarioSettings? s, SimulationParameters defaults, Problems problems)
    {
        var p = defaults;
        if (s is null)
        {
            return p;
        }
        var start = s.StartTerm.Length == 0 ? p.Start : TermOf(s.StartTerm, "settings.start_term", problems) ?? p.Start;
        var horizon = s.HorizonTerm.Length == 0 ? p.Horizon : TermOf(s.HorizonTerm, "settings.horizon_term", problems) ?? p.Horizon;
        if (horizon < start)
        {
            problems.Add("settings.horizon_term", $"must not come before the start term {start}");
        }
        else if (horizon.TermsSince(start) > MaxHorizonYears * 2)
        {
            problems.Add("settings.horizon_term", $"must be at most {MaxHorizonYears} school years after the start term");
        }
        return p with
        {
            Start = start,
            Horizon = horizon,
            Policy = s.Policy == V1.Policy.Reassign ? AssignmentPolicy.Reassign : AssignmentPolicy.IntakeOnly,
            PrimaryNormPerThousand = Positive(s.PrimaryStudentsPer1000, p.PrimaryNormPerThousand, 500, "settings.primary_students_per_1000", problems),
            JuniorNormPerThousand = Positive(s.JuniorStudentsPer1000, p.JuniorNormPerThousand, 500, "settings.junior_students_per_1000", problems),
            MoveCostMetres = Positive(s.MoveCostM, p.MoveCostMetres, 1_000_000, "settings.move_cost_m", problems),
            AllowSplitting = s.AllowSplit,
            CandidateSchools = (int)Positive(s.CandidateSchools, p.CandidateSchools, 50, "settings.candidate_schools", problems),
            Solver = p.Solver with
            {
                TimeLimitSeconds = Positive(s.TimeLimitSeconds, p.Solver.TimeLimitSeconds, 600, "settings.time_limit_seconds", problems),
            },
            ContiguousCatchments = s.ContiguousCatchments,
            OpeningFillShare = Positive(s.OpeningFillShare, p.OpeningFillShare, 1, "settings.opening_fill_share", problems),
        };
    }

    /// <summary>The engine's changes; <paramref name="origins"/> gets, for each, its index in the request.</summary>
    public static IReadOnlyList<ScenarioChange> Changes(
        IEnumerable<V1.ScenarioChange> changes, Problems problems, List<int>? origins = null, NewFeatures? added = null)
    {
        var result = new List<ScenarioChange>();
        var i = 0;
        foreach (var change in changes)
        {
            var path = $"changes[{i++}]";
            switch (change.ChangeCase)
            {
                case V1.ScenarioChange.ChangeOneofCase.OpenSchool:
                    var inner = new Problems();
                    var school = SchoolMapping.FromProto(change.OpenSchool.School ?? new V1.School(), inner);
                    Prefix(inner, "school", $"{path}.open_school.school", problems);
                    if (inner.Count == 0)
                    {
                        added?.Schools.Add(($"{path}.open_school.school", school));
                        Add(result, origins, i - 1, new OpenSchool(EngineInputs.ToEngine(school)));
                    }
                    break;
                case V1.ScenarioChange.ChangeOneofCase.CloseSchool:
                    FieldRules.Code(change.CloseSchool.SchoolCode, $"{path}.close_school.school_code", problems);
                    if (TermOf(change.CloseSchool.FromTerm, $"{path}.close_school.from_term", problems) is { } closeFrom)
                    {
                        Add(result, origins, i - 1, new CloseSchool(change.CloseSchool.SchoolCode, closeFrom));
                    }
                    break;
                case V1.ScenarioChange.ChangeOneofCase.ExpandSchool:
                    var expand = change.ExpandSchool;
                    FieldRules.Code(expand.SchoolCode, $"{path}.expand_school.school_code", problems);
                    FieldRules.Tracks(expand.AddPrimaryTracks, $"{path}.expand_school.add_primary_tracks", problems);
                    FieldRules.Tracks(expand.AddJuniorTracks, $"{path}.expand_school.add_junior_tracks", problems);
                    if (expand.AddPrimaryTracks == 0 && expand.AddJuniorTracks == 0)
                    {
                        problems.Add($"{path}.expand_school", $"must add from 1 to {FieldRules.MaxTracks} primary or junior tracks");
                    }
                    if (TermOf(expand.FromTerm, $"{path}.expand_school.from_term", problems) is { } expandFrom)
                    {
                        Add(result, origins, i - 1, new ExpandSchool(expand.SchoolCode, expandFrom, expand.AddPrimaryTracks, expand.AddJuniorTracks));
                    }
                    break;
                case V1.ScenarioChange.ChangeOneofCase.AddResidentialArea:
                    var areaProblems = new Problems();
                    var area = AreaMapping.FromProto(change.AddResidentialArea.ResidentialArea ?? new V1.ResidentialArea(), areaProblems);
                    Prefix(areaProblems, "residential_area", $"{path}.add_residential_area.residential_area", problems);
                    if (areaProblems.Count == 0 && area is not null)
                    {
                        added?.Areas.Add(($"{path}.add_residential_area.residential_area", area));
                        Add(result, origins, i - 1, new AddResidentialArea(EngineInputs.ToEngine(area)));
                    }
                    break;
                case V1.ScenarioChange.ChangeOneofCase.PinArea:
                    var pin = change.PinArea;
                    var pinPart = PartOf(pin.Part, $"{path}.pin_area.part", problems);
                    var pinFrom = TermOf(pin.FromTerm, $"{path}.pin_area.from_term", problems);
                    Required(pin.AreaCode, $"{path}.pin_area.area_code", problems);
                    Required(pin.SchoolCode, $"{path}.pin_area.school_code", problems);
                    if (pinFrom is { } from && pinPart.Valid && pin.AreaCode.Length > 0 && pin.SchoolCode.Length > 0)
                    {
                        Add(result, origins, i - 1, new PinArea(pin.AreaCode, pinPart.Part, pin.SchoolCode, from));
                    }
                    break;
                case V1.ScenarioChange.ChangeOneofCase.LockSchool:
                    var lockSchool = change.LockSchool;
                    var lockPart = PartOf(lockSchool.Part, $"{path}.lock_school.part", problems);
                    var lockFrom = TermOf(lockSchool.FromTerm, $"{path}.lock_school.from_term", problems);
                    Required(lockSchool.SchoolCode, $"{path}.lock_school.school_code", problems);
                    if (lockFrom is { } lockTerm && lockPart.Valid && lockSchool.SchoolCode.Length > 0)
                    {
                        Add(result, origins, i - 1, new LockSchool(lockSchool.SchoolCode, lockPart.Part, lockTerm));
                    }
                    break;
                case V1.ScenarioChange.ChangeOneofCase.AddResources:
                    // Resources matter to the assessment, not to the redistribution; checked here so a bad one is never stored.
                    CheckResources(change.AddResources, $"{path}.add_resources", problems);
                    break;
                default:
                    problems.Add(path, "must set one change");
                    break;
            }
        }
        return result;
    }

    private static void Add(List<ScenarioChange> result, List<int>? origins, int index, ScenarioChange change)
    {
        result.Add(change);
        origins?.Add(index);
    }

    private static void CheckResources(V1.AddResources add, string path, Problems problems)
    {
        FieldRules.Code(add.SchoolCode, $"{path}.school_code", problems);
        if (add.Added is not { } r)
        {
            problems.Add($"{path}.added", "is required");
            return;
        }
        SchoolMapping.FromProto(r, $"{path}.added", problems);
    }

    /// <summary>Resource additions must name a school of the scenario (base data or opened by it).</summary>
    public static void CheckResourceSchools(IEnumerable<V1.ScenarioChange> changes, SimulationInput input, Problems problems)
    {
        var codes = input.Schools.Select(s => s.Code).ToHashSet();
        var i = 0;
        foreach (var change in changes)
        {
            if (change.ChangeCase == V1.ScenarioChange.ChangeOneofCase.AddResources
                && change.AddResources.SchoolCode.Length > 0 && !codes.Contains(change.AddResources.SchoolCode))
            {
                problems.Add($"changes[{i}].add_resources.school_code", $"unknown school '{change.AddResources.SchoolCode}'");
            }
            i++;
        }
    }

    /// <summary>The level asked for: null for "the school's only level" (unspecified); not valid for an unknown enum value.</summary>
    private static (bool Valid, Engine.Rules.SchoolPart? Part) PartOf(V1.SchoolPart part, string field, Problems problems)
    {
        if (part == V1.SchoolPart.Unspecified)
        {
            return (true, null);
        }
        if (Vocabulary.FromProto(part) is { } known)
        {
            return (true, known);
        }
        problems.Add(field, $"unknown level {(int)part}: PRIMARY, JUNIOR, or unspecified for the school's only level");
        return (false, null);
    }

    private static void Required(string code, string field, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            problems.Add(field, "is required");
        }
    }

    /// <summary>
    /// Expansions add tracks only to a part the school teaches (a school opened earlier in the scenario
    /// counts): junior tracks on a primary school would put pupils in grades 7–9 of a primary school.
    /// </summary>
    public static void CheckExpansions(IEnumerable<V1.ScenarioChange> changes, SimulationInput input, Problems problems)
    {
        var levels = input.Schools.GroupBy(s => s.Code).ToDictionary(g => g.Key, g => g.Last().Level);
        var i = 0;
        foreach (var change in changes)
        {
            if (change.ChangeCase == V1.ScenarioChange.ChangeOneofCase.ExpandSchool
                && levels.TryGetValue(change.ExpandSchool.SchoolCode, out var level))
            {
                foreach (var (part, added, field) in new[]
                         {
                             (SchoolPart.Primary, change.ExpandSchool.AddPrimaryTracks, "add_primary_tracks"),
                             (SchoolPart.Junior, change.ExpandSchool.AddJuniorTracks, "add_junior_tracks"),
                         })
                {
                    if (added > 0 && !SchoolLevels.Has(level, part))
                    {
                        problems.Add($"changes[{i}].expand_school.{field}",
                            $"must be 0: school {change.ExpandSchool.SchoolCode} is a {EnumNames.Name(EnumNames.Levels, level)} school and does not teach grades {Grades.FirstOf(part)}–{Grades.LastOf(part)}");
                    }
                }
            }
            i++;
        }
    }

    private static void Prefix(Problems inner, string from, string to, Problems problems) =>
        problems.AddAll(inner, field => to + field[from.Length..]);

    private static Term? TermOf(string text, string field, Problems problems)
    {
        if (Engine.Terms.Term.TryParseExact(text, out _))
        {
            return Term.Parse(text);
        }
        problems.Add(field, $"must be a term like \"2020-autumn\" or \"2021-spring\", not \"{text}\"");
        return null;
    }

    private static double Positive(double value, double fallback, double max, string field, Problems problems)
    {
        if (value == 0)
        {
            return fallback;
        }
        if (!double.IsFinite(value) || value < 0 || value > max)
        {
            problems.Add(field, $"must be from 0 to {max} (0 means the default {fallback})");
            return fallback;
        }
        return value;
    }
}
