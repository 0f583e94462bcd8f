using System.Text.Json;
using Planning.Engine.Inputs;
using Planning.Server.Areas;
using Planning.Server.Common;
using Planning.Server.Dataset;
using Planning.Server.Schools;
using V1 = Planning.V1;

namespace Planning.Server.Scenarios;

/// <summary>
/// Between the contract's scenario messages and the stored <see cref="ScenarioRecords"/>, explicitly. Only
/// changes that passed <see cref="ScenarioMapping"/>'s checks are stored, so reading back cannot fail on
/// a row this server wrote.
/// </summary>
public static class ScenarioRecordMapping
{
    public static SettingsRecord ToRecord(V1.ScenarioSettings? s) => s is null ? new SettingsRecord() : new SettingsRecord(
        Text(s.StartTerm),
        Text(s.HorizonTerm),
        s.Policy switch { V1.Policy.IntakeOnly => AssignmentPolicy.IntakeOnly, V1.Policy.Reassign => AssignmentPolicy.Reassign, _ => null },
        Number(s.PrimaryStudentsPer1000),
        Number(s.JuniorStudentsPer1000),
        Number(s.MoveCostM),
        s.AllowSplit,
        s.CandidateSchools == 0 ? null : s.CandidateSchools,
        Number(s.TimeLimitSeconds),
        s.ContiguousCatchments,
        Number(s.OpeningFillShare));

    public static V1.ScenarioSettings ToProto(SettingsRecord s) => new()
    {
        StartTerm = s.StartTerm ?? "",
        HorizonTerm = s.HorizonTerm ?? "",
        Policy = s.Policy switch
        {
            AssignmentPolicy.IntakeOnly => V1.Policy.IntakeOnly,
            AssignmentPolicy.Reassign => V1.Policy.Reassign,
            _ => V1.Policy.Unspecified,
        },
        PrimaryStudentsPer1000 = s.PrimaryStudentsPer1000 ?? 0,
        JuniorStudentsPer1000 = s.JuniorStudentsPer1000 ?? 0,
        MoveCostM = s.MoveCostM ?? 0,
        AllowSplit = s.AllowSplit,
        CandidateSchools = s.CandidateSchools ?? 0,
        TimeLimitSeconds = s.TimeLimitSeconds ?? 0,
        ContiguousCatchments = s.ContiguousCatchments,
        OpeningFillShare = s.OpeningFillShare ?? 0,
    };

    public static ChangeRecord ToRecord(V1.ScenarioChange c) => c.ChangeCase switch
    {
        V1.ScenarioChange.ChangeOneofCase.OpenSchool =>
            new OpenSchoolRecord(GeoJsonFile.Feature(FeatureProperties.From(Checked(p => SchoolMapping.FromProto(c.OpenSchool.School, p))))),
        V1.ScenarioChange.ChangeOneofCase.CloseSchool => new CloseSchoolRecord(c.CloseSchool.SchoolCode, c.CloseSchool.FromTerm),
        V1.ScenarioChange.ChangeOneofCase.ExpandSchool => new ExpandSchoolRecord(
            c.ExpandSchool.SchoolCode, c.ExpandSchool.FromTerm, c.ExpandSchool.AddPrimaryTracks, c.ExpandSchool.AddJuniorTracks),
        V1.ScenarioChange.ChangeOneofCase.AddResidentialArea =>
            new AddAreaRecord(GeoJsonFile.Feature(FeatureProperties.From(Checked(p => AreaMapping.FromProto(c.AddResidentialArea.ResidentialArea, p)!)))),
        V1.ScenarioChange.ChangeOneofCase.AddResources => new AddResourcesRecord(
            c.AddResources.SchoolCode, FeatureProperties.From(Checked(p => SchoolMapping.FromProto(c.AddResources.Added, "added", p)))),
        V1.ScenarioChange.ChangeOneofCase.PinArea => new PinAreaRecord(
            c.PinArea.AreaCode, c.PinArea.SchoolCode, Vocabulary.FromProto(c.PinArea.Part), c.PinArea.FromTerm),
        V1.ScenarioChange.ChangeOneofCase.LockSchool => new LockSchoolRecord(
            c.LockSchool.SchoolCode, Vocabulary.FromProto(c.LockSchool.Part), c.LockSchool.FromTerm),
        _ => throw new ArgumentException($"not a change this server knows: {c.ChangeCase}", nameof(c)),
    };

    public static V1.ScenarioChange ToProto(ChangeRecord c) => c switch
    {
        OpenSchoolRecord o => new V1.ScenarioChange
        {
            OpenSchool = new V1.OpenSchool { School = SchoolMapping.ToProto(Checked(p => GeoJsonLayerReader.ReadFeature(LayerNames.Schools, o.School, p)).Schools.Single()) },
        },
        CloseSchoolRecord x => new V1.ScenarioChange { CloseSchool = new V1.CloseSchool { SchoolCode = x.SchoolCode, FromTerm = x.FromTerm } },
        ExpandSchoolRecord x => new V1.ScenarioChange
        {
            ExpandSchool = new V1.ExpandSchool
            {
                SchoolCode = x.SchoolCode, FromTerm = x.FromTerm, AddPrimaryTracks = x.AddPrimaryTracks, AddJuniorTracks = x.AddJuniorTracks,
            },
        },
        AddAreaRecord a => new V1.ScenarioChange
        {
            AddResidentialArea = new V1.AddResidentialArea
            {
                ResidentialArea = AreaMapping.ToProto(Checked(p => GeoJsonLayerReader.ReadFeature(LayerNames.ResidentialAreas, a.Area, p)).ResidentialAreas.Single()),
            },
        },
        AddResourcesRecord r => new V1.ScenarioChange
        {
            AddResources = new V1.AddResources
            {
                SchoolCode = r.SchoolCode, Added = SchoolMapping.ToProto(Checked(p => GeoJsonLayerReader.ReadResourceEntry(r.Resources, "resources", p))),
            },
        },
        PinAreaRecord p => new V1.ScenarioChange
        {
            PinArea = new V1.PinArea
            {
                AreaCode = p.AreaCode, SchoolCode = p.SchoolCode, FromTerm = p.FromTerm,
                Part = p.Part is { } part ? Vocabulary.ToProto(part) : V1.SchoolPart.Unspecified,
            },
        },
        LockSchoolRecord l => new V1.ScenarioChange
        {
            LockSchool = new V1.LockSchool
            {
                SchoolCode = l.SchoolCode, FromTerm = l.FromTerm, Part = l.Part is { } part ? Vocabulary.ToProto(part) : V1.SchoolPart.Unspecified,
            },
        },
        _ => throw new ArgumentException($"not a stored change: {c.GetType().Name}", nameof(c)),
    };

    public static string SettingsJson(SettingsRecord settings) => JsonSerializer.Serialize(settings, ScenarioRecords.Json);

    public static SettingsRecord Settings(string json) =>
        JsonSerializer.Deserialize<SettingsRecord>(json, ScenarioRecords.Json) ?? new SettingsRecord();

    public static string ChangesJson(IEnumerable<ChangeRecord> changes) => JsonSerializer.Serialize(changes.ToList(), ScenarioRecords.Json);

    public static IReadOnlyList<ChangeRecord> Changes(string json) =>
        JsonSerializer.Deserialize<List<ChangeRecord>>(json, ScenarioRecords.Json) ?? [];

    /// <summary>What a conversion of checked data gives; a problem here is a bug, not a user error.</summary>
    private static T Checked<T>(Func<Problems, T> convert)
    {
        var problems = new Problems();
        var result = convert(problems);
        return problems.Count == 0
            ? result
            : throw new InvalidOperationException("a stored scenario change does not read back: " + string.Join("; ", problems.All.Select(p => $"{p.Field}: {p.Description}")));
    }

    private static string? Text(string value) => value.Length == 0 ? null : value;

    private static double? Number(double value) => value == 0 ? null : value;
}
