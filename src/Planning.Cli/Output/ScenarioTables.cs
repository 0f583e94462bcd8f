using System.Globalization;
using Planning.Client.Api;
using Spectre.Console;

namespace Planning.Cli.Output;

internal static class ScenarioTables
{
    public static void Show(IAnsiConsole console, Scenario s, SimulationDefaults d)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string key, string value) => grid.AddRow(new Text(key, new Style(Color.Grey)), new Text(value));
        var st = s.Settings;
        Row("id", s.Id);
        Row("name", s.Name);
        if (s.Description.Length > 0)
        {
            Row("description", s.Description);
        }
        Row("terms", $"{st.StartTerm ?? d.StartTerm} → {st.HorizonTerm ?? d.HorizonTerm}");
        Row("policy", Names.Of(st.Policy ?? Policy.IntakeOnly));
        Row("students per 1,000", $"primary {Number(st.PrimaryStudentsPer1000, d.PrimaryStudentsPer1000)}, junior {Number(st.JuniorStudentsPer1000, d.JuniorStudentsPer1000)}");
        Row("move cost", $"{Number(st.MoveCostM, d.MoveCostM)} m per moved pupil");
        Row("split areas", st.AllowSplit == true ? "allowed" : "no (areas go whole)");
        Row("solver", $"{st.CandidateSchools ?? d.CandidateSchools} candidate schools, {Number(st.TimeLimitSeconds, d.TimeLimitSeconds)} deterministic s per term");
        Row("catchments", st.ContiguousCatchments == true ? "contiguous where the data allows" : "not forced to be contiguous");
        Row("new schools", st.OpeningFillShare is > 0 ? $"fill at least {st.OpeningFillShare:P0} of their seats when they open" : "no fill target");
        Row("version", $"{s.Version}");
        console.Write(new Panel(grid).Header($"scenario {s.Name}").Border(BoxBorder.Rounded));

        if (s.Changes.Count == 0)
        {
            console.MarkupLine("[grey]no changes yet[/]");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title($"{s.Changes.Count} change(s)")
            .AddColumn("#").AddColumn("change").AddColumn("what").AddColumn("from").AddColumn("details");
        var index = 0; // as changes[i] in errors and in runs' constraint issues
        foreach (var change in s.Changes)
        {
            var (kind, what, from, details) = Describe(change);
            table.AddRow($"{index++}", kind, Markup.Escape(what), from, Markup.Escape(details));
        }
        console.Write(table);
    }

    public static (string Kind, string What, string From, string Details) Describe(ScenarioChange change) => change switch
    {
        OpenSchool o => ("open school", $"{o.School.Code} {o.School.Name}", o.School.Capacity.FirstOrDefault()?.FromTerm ?? "",
            $"{Names.Level(o.School.Level)}, tracks {SchoolTables.Tracks(o.School.Capacity.FirstOrDefault())}"),
        CloseSchool c => ("close school", c.SchoolCode, c.FromTerm, ""),
        ExpandSchool e => ("expand school", e.SchoolCode, e.FromTerm, $"+{e.AddPrimaryTracks} primary, +{e.AddJuniorTracks} junior tracks"),
        AddResidentialArea a => ("add area", $"{a.Area.Code} {a.Area.Name}", a.Area.OccupiedFrom,
            $"{Names.Of(a.Area.Kind)}, {a.Area.Population:N0} residents"),
        AddResources r => ("add resources", r.SchoolCode, r.Added.FromTerm, $"{Names.Of(r.Added.Part)} part"),
        PinArea p => ("pin", $"{p.AreaCode} → {p.SchoolCode}", p.FromTerm, p.Part is { } part ? Names.Of(part) : "the school's level"),
        LockSchool l => ("lock", l.SchoolCode, l.FromTerm, l.Part is { } part ? Names.Of(part) : "the school's level"),
        _ => (change.GetType().Name, "", "", ""),
    };

    private static string Number(double? value, double fallback) => (value ?? fallback).ToString("0.##", CultureInfo.InvariantCulture);
}
