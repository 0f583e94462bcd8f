using Planning.Client.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Planning.Cli.Output;

internal static class SchoolTables
{
    public static Table Summary(SchoolSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("schools by level and kind")
            .AddColumn("level");
        foreach (var header in new[] { "existing", "new", "expanded", "total", "students" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }
        foreach (var row in summary.Levels)
        {
            table.AddRow(Cells(row, bold: false));
        }
        table.AddRow(Cells(summary.Total, bold: true));
        table.Caption($"base-term enrolment: {summary.Enrolment:N0} students in {summary.Total.Total} schools");
        return table;
    }

    private static IRenderable[] Cells(SchoolSummary.Row row, bool bold)
    {
        var style = bold ? new Style(decoration: Decoration.Bold) : Style.Plain;
        return
        [
            new Text(row.Level, style), new Text($"{row.Existing}", style), new Text($"{row.New}", style),
            new Text($"{row.Expanded}", style), new Text($"{row.Total}", style), new Text($"{row.Enrolment:N0}", style),
        ];
    }

    public static Table List(IEnumerable<School> schools, Rules rules)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("code").AddColumn("name").AddColumn("level").AddColumn("kind").AddColumn("admin area")
            .AddColumn(new TableColumn("tracks").RightAligned()).AddColumn(new TableColumn("students").RightAligned())
            .AddColumn(new TableColumn("limit").RightAligned());
        foreach (var s in schools)
        {
            var limit = rules.SizeLimit(s.Level);
            var students = s.TotalEnrolment > limit
                ? new Text($"{s.TotalEnrolment:N0}", new Style(Color.Red))
                : new Text($"{s.TotalEnrolment:N0}");
            table.AddRow(new Text(s.Code), new Text(s.Name), new Text(Names.Level(s.Level)), new Text(Names.Kind(s.Kind)),
                new Text(s.AdminAreaCode), new Text(Tracks(s.Capacity.LastOrDefault())), students, new Text($"{limit:N0}"));
        }
        return table;
    }

    /// <summary>"6+0" style: primary + junior tracks.</summary>
    public static string Tracks(CapacityStep? step) => step is null ? "" : $"{step.PrimaryTracks}+{step.JuniorTracks}";

    public static void Show(IAnsiConsole console, School s, Rules rules)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string key, string value) => grid.AddRow(new Text(key, new Style(Color.Grey)), new Text(value));
        Row("code", s.Code);
        Row("name", s.Name);
        Row("level", Names.Level(s.Level));
        Row("kind", Names.Kind(s.Kind));
        Row("admin area", s.AdminAreaCode);
        Row("location", $"{s.Lon:0.000000}, {s.Lat:0.000000}");
        Row("students", $"{s.TotalEnrolment:N0} of at most {rules.SizeLimit(s.Level):N0}");
        Row("version", $"{s.Version}");
        console.Write(new Panel(grid).Header($"school {s.Code}").Border(BoxBorder.Rounded));

        var capacity = new Table().Border(TableBorder.Rounded).Title("capacity (tracks = classes per grade)")
            .AddColumn("from term").AddColumn(new TableColumn("primary tracks").RightAligned())
            .AddColumn(new TableColumn("junior tracks").RightAligned());
        foreach (var step in s.Capacity)
        {
            capacity.AddRow(step.FromTerm, $"{step.PrimaryTracks}", $"{step.JuniorTracks}");
        }
        console.Write(capacity);

        var enrolment = new Table().Border(TableBorder.Rounded).Title("base-term enrolment by grade");
        for (var grade = 1; grade <= 9; grade++)
        {
            enrolment.AddColumn(new TableColumn($"{grade}").RightAligned());
        }
        enrolment.AddRow(s.Enrolment.Select(e => $"{e}").ToArray());
        console.Write(enrolment);

        if (s.Resources.Count > 0)
        {
            var resources = new Table().Border(TableBorder.Rounded).Title("resources (seven indicators)")
                .AddColumn("part").AddColumn("from");
            foreach (var header in new[] { "degree t.", "backbone t.", "PE/art t.", "floor m²", "sports m²", "equipment ¥", "media rooms" })
            {
                resources.AddColumn(new TableColumn(header).RightAligned());
            }
            foreach (var r in s.Resources)
            {
                resources.AddRow(Names.Of(r.Part), r.FromTerm, $"{r.TeachersDegree:0.#}", $"{r.TeachersBackbone:0.#}",
                    $"{r.TeachersPeArt:0.#}", $"{r.FloorAreaM2:N0}", $"{r.SportsAreaM2:N0}", $"{r.EquipmentValueYuan:N0}",
                    $"{r.MultimediaRooms:0.#}");
            }
            console.Write(resources);
        }
    }
}
