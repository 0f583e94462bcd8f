using CsCheck;
using Planning.V1;

namespace Planning.Server.Tests.Properties;

/// <summary>A generated request with every reason it must be refused.</summary>
public sealed record ScenarioCase<T>(IReadOnlyList<string> Reasons, Func<T> Build)
{
    public override string ToString() => string.Join(" + ", Reasons);
}

/// <summary>Malformed CreateScenario and AddScenarioChanges requests: bad changes among valid ones, bad settings, names, ids.</summary>
public static class ScenarioCases
{
    private static string Short(string s) => Mutation.Short(s.Replace("\0", "\\0"));

    private static Gen<Break<ScenarioSettings>> S<TV>(Gen<TV> values, Func<TV, string> describe, Action<ScenarioSettings, TV> apply) =>
        values.Select(v => new Break<ScenarioSettings>("settings." + describe(v), s => apply(s, v)));

    private static Gen<double> NotIn(double max) =>
        Gen.OneOf(BadValues.NonFinite, Gen.Double[-1e300, -1e-300], Gen.Double[max * 1.0001, 1e300], Gen.OneOf(double.MaxValue, -double.Epsilon));

    public static readonly Gen<Break<ScenarioSettings>> Settings = Gen.OneOf(
        S(BadValues.Term.Where(t => t.Length > 0), v => $"start_term = \"{Short(v)}\"", (s, v) => s.StartTerm = v),
        S(BadValues.Term.Where(t => t.Length > 0), v => $"horizon_term = \"{Short(v)}\"", (s, v) => s.HorizonTerm = v),
        S(Gen.Int[2010, 2020], v => $"horizon_term = {v}-spring before start_term 2021-autumn", (s, v) =>
        {
            s.StartTerm = "2021-autumn";
            s.HorizonTerm = $"{v}-spring";
        }),
        S(Gen.Int[2041, 2099], v => $"horizon_term = {v}-autumn, over 20 years after 2020-autumn", (s, v) =>
        {
            s.StartTerm = "2020-autumn";
            s.HorizonTerm = $"{v}-autumn";
        }),
        S(NotIn(500), v => $"primary_students_per_1000 = {v}", (s, v) => s.PrimaryStudentsPer1000 = v),
        S(NotIn(500), v => $"junior_students_per_1000 = {v}", (s, v) => s.JuniorStudentsPer1000 = v),
        S(NotIn(1_000_000), v => $"move_cost_m = {v}", (s, v) => s.MoveCostM = v),
        S(NotIn(600), v => $"time_limit_seconds = {v}", (s, v) => s.TimeLimitSeconds = v),
        S(Gen.OneOf(BadValues.Negative, BadValues.Above(50)), v => $"candidate_schools = {v}", (s, v) => s.CandidateSchools = v),
        S(Gen.OneOf((Policy)3, (Policy)99, (Policy)(-1)), v => $"policy = {(int)v}", (s, v) => s.Policy = v));

    private static Break<CreateScenarioRequest> Insert(BadChange bad, int position) => new(bad.Description, r =>
        r.Changes.Insert(position % (r.Changes.Count + 1), bad.Create()));

    public static readonly Gen<Break<CreateScenarioRequest>> CreateBreaks = Gen.Frequency(
        (1, Gen.OneOf(BadValues.EmptyText, BadValues.TooLong(100), Gen.OneOf("计划\0方案", "\0"))
            .Select(n => new Break<CreateScenarioRequest>($"name = \"{Short(n)}\"", r => r.Name = n))),
        (1, Gen.OneOf(BadValues.TooLong(2000), Gen.Const("说明\0"))
            .Select(d => new Break<CreateScenarioRequest>($"description = \"{Short(d)}\"", r => r.Description = d))),
        (3, Settings.Select(b => new Break<CreateScenarioRequest>(b.Description, r => b.Apply(r.Settings)))),
        (8, Gen.Select(BadChanges.Any, Gen.Int[0, 9], Insert)));

    private static IReadOnlyList<string> Reasons(IEnumerable<string> bad, int valid) =>
        [.. bad, .. valid > 0 ? [$"among {valid} valid change(s)"] : Array.Empty<string>()];

    /// <summary>Mostly one reason to refuse, so each is seen on its own; sometimes two.</summary>
    private static Gen<List<T>> OneOrTwo<T>(Gen<T> gen) => Gen.Frequency((3, gen.List[1]), (1, gen.List[2]));

    public static readonly Gen<ScenarioCase<CreateScenarioRequest>> Create = Gen.Select(
        OneOrTwo(CreateBreaks), ValidChanges.Any.List[0, 2], (breaks, valid) => new ScenarioCase<CreateScenarioRequest>(
            Reasons(breaks.Select(b => b.Description), valid.Count), () =>
            {
                var request = new CreateScenarioRequest { Name = "属性测试方案", Settings = new ScenarioSettings { HorizonTerm = "2022-autumn" } };
                request.Changes.AddRange(valid.Select(v => v.Clone()));
                foreach (var b in breaks)
                {
                    b.Apply(request);
                }
                return request;
            }));

    private static readonly Gen<string> BadId = Gen.OneOf(
        Gen.OneOf("", "not-a-uuid", "1234", "g0000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000"),
        BadValues.Huge);

    private static readonly Gen<(BadChange Change, int Position)> Positioned = Gen.Select(BadChanges.Any, Gen.Int[0, 9]);

    private static AddScenarioChangesRequest AddRequest(string id, ulong version, IEnumerable<ScenarioChange> changes)
    {
        var request = new AddScenarioChangesRequest { ScenarioId = id, Version = version };
        request.Changes.AddRange(changes);
        return request;
    }

    /// <summary>Requests to add changes to a scenario, given its id and current version.</summary>
    public static readonly Gen<ScenarioCase<Func<string, ulong, AddScenarioChangesRequest>>> Add = Gen.Frequency(
        (9, Gen.Select(OneOrTwo(Positioned), ValidChanges.Any.List[0, 2], (bad, valid) =>
            new ScenarioCase<Func<string, ulong, AddScenarioChangesRequest>>(Reasons(bad.Select(b => b.Change.Description), valid.Count),
                () => (id, version) =>
                {
                    var request = AddRequest(id, version, valid.Select(v => v.Clone()));
                    foreach (var (change, position) in bad)
                    {
                        request.Changes.Insert(position % (request.Changes.Count + 1), change.Create());
                    }
                    return request;
                }))),
        (1, BadId.Select(id => new ScenarioCase<Func<string, ulong, AddScenarioChangesRequest>>([$"scenario_id = \"{Short(id)}\""],
            () => (_, version) => AddRequest(id, version, [ValidChanges.All()[2]])))));
}
