using V1 = Planning.V1;

namespace Planning.Client.Api;

internal static partial class ProtoMapping
{
    public static ScenarioSettings ToRecord(V1.ScenarioSettings? s) => s is null ? new ScenarioSettings() : new(
        NullIfEmpty(s.StartTerm), NullIfEmpty(s.HorizonTerm),
        s.Policy == V1.Policy.Unspecified ? null : s.Policy,
        NullIfZero(s.PrimaryStudentsPer1000), NullIfZero(s.JuniorStudentsPer1000), NullIfZero(s.MoveCostM),
        s.AllowSplit ? true : null, s.CandidateSchools == 0 ? null : s.CandidateSchools, NullIfZero(s.TimeLimitSeconds),
        s.ContiguousCatchments ? true : null, NullIfZero(s.OpeningFillShare));

    public static V1.ScenarioSettings ToProto(ScenarioSettings s) => new()
    {
        StartTerm = s.StartTerm ?? "",
        HorizonTerm = s.HorizonTerm ?? "",
        Policy = (s.Policy ?? Policy.Unspecified),
        PrimaryStudentsPer1000 = s.PrimaryStudentsPer1000 ?? 0,
        JuniorStudentsPer1000 = s.JuniorStudentsPer1000 ?? 0,
        MoveCostM = s.MoveCostM ?? 0,
        AllowSplit = s.AllowSplit ?? false,
        CandidateSchools = s.CandidateSchools ?? 0,
        TimeLimitSeconds = s.TimeLimitSeconds ?? 0,
        ContiguousCatchments = s.ContiguousCatchments ?? false,
        OpeningFillShare = s.OpeningFillShare ?? 0,
    };

    public static ScenarioChange ToRecord(V1.ScenarioChange c) => c.ChangeCase switch
    {
        V1.ScenarioChange.ChangeOneofCase.OpenSchool => new OpenSchool(ToRecord(c.OpenSchool.School ?? new V1.School())),
        V1.ScenarioChange.ChangeOneofCase.CloseSchool => new CloseSchool(c.CloseSchool.SchoolCode, c.CloseSchool.FromTerm),
        V1.ScenarioChange.ChangeOneofCase.ExpandSchool => new ExpandSchool(
            c.ExpandSchool.SchoolCode, c.ExpandSchool.FromTerm, c.ExpandSchool.AddPrimaryTracks, c.ExpandSchool.AddJuniorTracks),
        V1.ScenarioChange.ChangeOneofCase.AddResidentialArea =>
            new AddResidentialArea(ToRecord(c.AddResidentialArea.ResidentialArea ?? new V1.ResidentialArea())),
        V1.ScenarioChange.ChangeOneofCase.AddResources =>
            new AddResources(c.AddResources.SchoolCode, ToRecord(c.AddResources.Added ?? new V1.Resources())),
        V1.ScenarioChange.ChangeOneofCase.PinArea => new PinArea(
            c.PinArea.AreaCode, c.PinArea.SchoolCode, c.PinArea.Part == SchoolPart.Unspecified ? null : c.PinArea.Part, c.PinArea.FromTerm),
        V1.ScenarioChange.ChangeOneofCase.LockSchool => new LockSchool(
            c.LockSchool.SchoolCode, c.LockSchool.Part == SchoolPart.Unspecified ? null : c.LockSchool.Part, c.LockSchool.FromTerm),
        _ => new UnknownChange(c.ChangeCase.ToString()),
    };

    public static V1.ScenarioChange ToProto(ScenarioChange c) => c switch
    {
        OpenSchool o => new V1.ScenarioChange { OpenSchool = new V1.OpenSchool { School = ToProto(o.School) } },
        CloseSchool x => new V1.ScenarioChange
        {
            CloseSchool = new V1.CloseSchool { SchoolCode = x.SchoolCode, FromTerm = x.FromTerm },
        },
        ExpandSchool e => new V1.ScenarioChange
        {
            ExpandSchool = new V1.ExpandSchool
            {
                SchoolCode = e.SchoolCode,
                FromTerm = e.FromTerm,
                AddPrimaryTracks = e.AddPrimaryTracks,
                AddJuniorTracks = e.AddJuniorTracks,
            },
        },
        AddResidentialArea a => new V1.ScenarioChange
        {
            AddResidentialArea = new V1.AddResidentialArea { ResidentialArea = ToProto(a.Area) },
        },
        AddResources r => new V1.ScenarioChange
        {
            AddResources = new V1.AddResources { SchoolCode = r.SchoolCode, Added = ToProto(r.Added) },
        },
        PinArea p => new V1.ScenarioChange
        {
            PinArea = new V1.PinArea { AreaCode = p.AreaCode, SchoolCode = p.SchoolCode, Part = p.Part ?? SchoolPart.Unspecified, FromTerm = p.FromTerm },
        },
        LockSchool l => new V1.ScenarioChange
        {
            LockSchool = new V1.LockSchool { SchoolCode = l.SchoolCode, Part = l.Part ?? SchoolPart.Unspecified, FromTerm = l.FromTerm },
        },
        _ => throw new ArgumentException($"not a change this client can send: {c.GetType().Name}", nameof(c)),
    };

    public static Scenario ToRecord(V1.Scenario s) => new(
        s.Id, s.Name, s.Description, ToRecord(s.Settings), [.. s.Changes.Select(ToRecord)],
        ToRecord(s.CreatedAt), s.Version);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static double? NullIfZero(double d) => d == 0 ? null : d;
}
